import { describe, expect, it } from "vitest";
import { generateModule } from "./module-generator.js";
import { FAMILIES, generatorOptions } from "./settings.js";

describe("generateModule", () => {
  it("produces valid modules for both families", () => {
    for (const family of Object.keys(FAMILIES) as (keyof typeof FAMILIES)[]) {
      for (let m = 0; m < 10; m++) {
        const { wasm } = generateModule(99, m, generatorOptions(family));
        expect(WebAssembly.validate(wasm), `${family} module ${m}`).toBe(true);
      }
    }
  });

  it("is a pure function of seed and module index", () => {
    const a = generateModule(5, 3, generatorOptions("all"));
    const b = generateModule(5, 3, generatorOptions("all"));
    const c = generateModule(5, 4, generatorOptions("all"));
    expect(a.wasm).toEqual(b.wasm);
    expect(a.calls).toEqual(b.calls);
    expect(c.wasm).not.toEqual(a.wasm);
  });

  it("keeps integer modules free of float types", async () => {
    const { wasm } = generateModule(1, 0, generatorOptions("integer"));
    const { instance } = await WebAssembly.instantiate(wasm, {
      test: { emit: () => {}, emit_i64: () => {} },
    });
    expect(Object.keys(instance.exports)).toContain("f0");
    const floatTypeCodes = [0x7d, 0x7c];
    const typeSection = wasm.subarray(8, 8 + 2 + wasm[9]!);
    expect(floatTypeCodes.some((code) => typeSection.includes(code))).toBe(false);
  });
});
