import { describe, expect, it } from "vitest";
import { runDifferential } from "../support/differential.js";
import { KNOWN_GAPS } from "./known-gaps.js";
import { generateModule } from "./module-generator.js";
import { DEFAULT_SEED, FAMILIES, generatorOptions, MODULES, moduleSeed, SEED } from "./settings.js";

for (const family of Object.keys(FAMILIES) as (keyof typeof FAMILIES)[]) {
  describe(`generated ${family} modules (SAWMILL_SEED=${SEED})`, () => {
    for (let m = 0; m < MODULES[family]; m++) {
      const gap = SEED === DEFAULT_SEED ? KNOWN_GAPS[family][m] : undefined;
      const test = gap === undefined ? it : it.fails;
      test(`module ${m}: x86 agrees with Node${gap ? ` (known gap: ${gap})` : ""}`, async () => {
        const module = generateModule(moduleSeed(family), m, generatorOptions(family));
        const reproduce = `reproduce: npx tsx --conditions=@sawmill/source generated/reproduce.ts ${SEED} ${family} ${m}`;
        const { mismatches } = await runDifferential(module.wasm, module.calls).catch((error: unknown) => {
          throw new Error(`seed ${SEED} ${family} module ${m}: ${String(error)}\n${reproduce}`);
        });
        expect(
          mismatches,
          `seed ${SEED} ${family} module ${m} (${module.calls.length} calls)\n${reproduce}`,
        ).toEqual([]);
      });
    }
  });
}
