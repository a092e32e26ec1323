/**
 * One Vitest test per AssemblyScript program: run in Node and on x86, results must be identical.
 *
 * Layer: e2e test support. Interface: `describePrograms(title, select, knownGaps)`. A program named
 * in `knownGaps` is expected to fail (`it.fails`) for the backend feature the entry names; when the
 * backend gains it, the test starts failing and the entry must go.
 */

import { describe, expect, it } from "vitest";
import { runDifferential } from "./differential.js";
import { loadProgram, programNames } from "./programs.js";

export function describePrograms(
  title: string,
  select: (name: string) => boolean,
  knownGaps: Readonly<Record<string, string>> = {},
): void {
  describe(title, () => {
    for (const name of programNames().filter(select)) {
      const gap = knownGaps[name];
      const test = gap === undefined ? it : it.fails;
      test(`${name} behaves the same on x86 as in Node${gap ? ` (known gap: ${gap})` : ""}`, async () => {
        const program = await loadProgram(name);
        const { mismatches } = await runDifferential(program.wasm, program.calls);
        expect(mismatches, `${name}: ${program.calls.length} calls`).toEqual([]);
      });
    }
  });
}
