// Host test of the staged library (src/index.ts): both placements stage, and the library's
// files import nothing of their own but each other and the generated ./dataspace-protocol and
// ./pager-protocol (the kernel's Pager protocol, separate in both placements).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { MEMORY_FILES, prepareMemory } from "../src/index.js";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const relativeImports = (source: string) =>
  [...source.matchAll(/from "(\.[^"]*)"/g)].map((match) => match[1]);

describe("prepareMemory", () => {
  for (const placement of ["separate", "colocated"] as const) {
    it(`stages the ${placement} stubs beside the library`, () => {
      const dir = prepareMemory(here(`../build/test-library/${placement}`), placement);
      const generated = readFileSync(`${dir}/dataspace-protocol.ts`, "utf8");
      expect(generated).toContain(`Placement: ${placement}`);
      for (const name of ["DataspaceClient", "DataspaceServer", "DATASPACE_NOT_OWNER: u32 = 0x23"])
        expect(generated).toContain(name);
      const pager = readFileSync(`${dir}/pager-protocol.ts`, "utf8");
      expect(pager).toContain("Placement: separate"); // the kernel is the region mapper's client
      expect(pager).toContain("export function servePager");
      const staged = new Set([
        "./dataspace-protocol",
        "./pager-protocol",
        ...MEMORY_FILES.map((f) => `./${f.slice(0, -3)}`),
      ]);
      for (const file of MEMORY_FILES)
        for (const path of relativeImports(readFileSync(`${dir}/${file}`, "utf8")))
          expect(staged).toContain(path);
    });
  }
});
