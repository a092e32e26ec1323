/**
 * The widened byte-copy loop (src/lower/copy-widening.ts) against Node: trip counts that are
 * not multiples of four, counters starting anywhere (also past the limit), regions that
 * overlap at every small distance in both directions. Overlaps of 1-3 bytes forward must keep
 * the byte loop's smearing; all others are widened and must copy exactly the same bytes.
 */

import { compileSource } from "@sawmill/as-compiler";
import { type Call, DEFAULT_MEMORY_BASE, runInNode, runOnBareMetal } from "@sawmill/bare-runtime";
import { describe, expect, it } from "vitest";
import { compileModule } from "../src/index.js";

const DISTANCES = [-5, -4, -3, -1, 1, 2, 3, 4, 5, 64];

const copyAt = (distance: number) => `
export function copy${distance < 0 ? `Back${-distance}` : distance}(start: usize): u32 {
  reset();
  for (let i: usize = start; i < 37; i++) store<u8>(BUFFER + 64 + ${distance} + i, load<u8>(BUFFER + 64 + i));
  return hash();
}`;

const PROGRAM = `
const BUFFER = memory.data(256);
function reset(): void {
  for (let i: usize = 0; i < 256; i++) store<u8>(BUFFER + i, <u8>(i * 7 + 3));
}
function hash(): u32 {
  let h: u32 = 2166136261;
  for (let i: usize = 0; i < 256; i++) h = (h ^ load<u8>(BUFFER + i)) * 16777619;
  return h;
}
${DISTANCES.map(copyAt).join("\n")}
`;

const STARTS = [0, 1, 2, 3, 33, 34, 36, 37, 100, -1];

const CALLS: Call[] = DISTANCES.flatMap((distance) =>
  STARTS.map((start) => ({ export: `copy${distance < 0 ? `Back${-distance}` : distance}`, args: [start] })),
);

describe("widened byte-copy loops", () => {
  it("copy the same bytes as the byte loop for every overlap and start", async () => {
    const wasm = await compileSource(PROGRAM);
    const node = await runInNode(wasm, CALLS);
    const bare = await runOnBareMetal(compileModule(wasm, { memoryBase: DEFAULT_MEMORY_BASE }), CALLS);
    expect(bare.results).toEqual(node.results);
    // the smearing overlaps really differ from a plain copy (the test can tell them apart)
    const results = node.results.map((r) => JSON.stringify(r));
    expect(new Set(results).size).toBeGreaterThan(DISTANCES.length);
  });
});
