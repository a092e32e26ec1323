import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compileIdl, stageIdlLibrary } from "../src/index.js";

const CALC_IDL = fileURLToPath(new URL("./idl/calc.idl.ts", import.meta.url));

describe("stageIdlLibrary", () => {
  it("writes the interface generated for the placement beside the library's files", () => {
    const sources = mkdtempSync(join(tmpdir(), "idl-library-src-"));
    writeFileSync(join(sources, "calc-user.ts"), 'import { CalcClient } from "./calc";\n');
    const dir = join(mkdtempSync(join(tmpdir(), "idl-library-")), "out");
    const staged = stageIdlLibrary(dir, "colocated", {
      idl: CALC_IDL,
      interfaceName: "Calc",
      module: "calc",
      sourceDir: sources,
      files: ["calc-user.ts"],
    });
    expect(staged).toBe(dir);
    expect(readdirSync(dir).sort()).toEqual(["calc-user.ts", "calc.ts"]);
    const expected = compileIdl(readFileSync(CALC_IDL, "utf8"), "calc.idl.ts", { placement: "colocated" });
    expect(readFileSync(join(dir, "calc.ts"), "utf8")).toBe(expected.get("Calc"));
  });

  it("names the file when the interface is missing", () => {
    const dir = mkdtempSync(join(tmpdir(), "idl-library-"));
    const library = { idl: CALC_IDL, interfaceName: "Nope", module: "x", sourceDir: dir, files: [] };
    expect(() => stageIdlLibrary(dir, "separate", library)).toThrow("calc.idl.ts: no interface Nope");
  });
});
