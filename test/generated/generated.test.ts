import { describe, expect, it } from "vitest";
import { runDifferential } from "../support/differential.js";
import { KNOWN_GAPS } from "./known-gaps.js";
import { generateModule } from "./module-generator.js";
import { REGRESSIONS } from "./regressions.js";
import { DEFAULT_SEED, FAMILIES, familySeed, generatorOptions, MODULES, SEED } from "./settings.js";

async function expectAgreement(seed: number, family: keyof typeof FAMILIES, m: number): Promise<void> {
  const module = generateModule(familySeed(seed, family), m, generatorOptions(family));
  const reproduce = `reproduce: npx tsx --conditions=@sawmill/source generated/reproduce.ts ${seed} ${family} ${m}`;
  const { mismatches } = await runDifferential(module.wasm, module.calls).catch((error: unknown) => {
    throw new Error(`seed ${seed} ${family} module ${m}: ${String(error)}\n${reproduce}`);
  });
  expect(
    mismatches,
    `seed ${seed} ${family} module ${m} (${module.calls.length} calls)\n${reproduce}`,
  ).toEqual([]);
}

for (const family of Object.keys(FAMILIES) as (keyof typeof FAMILIES)[]) {
  describe(`generated ${family} modules (SAWMILL_SEED=${SEED})`, () => {
    for (let m = 0; m < MODULES[family]; m++) {
      const gap = SEED === DEFAULT_SEED ? KNOWN_GAPS[family][m] : undefined;
      const test = gap === undefined ? it : it.fails;
      test(`module ${m}: x86 agrees with Node${gap ? ` (known gap: ${gap})` : ""}`, () =>
        expectAgreement(SEED, family, m));
    }
  });
}

describe("generated modules that exposed backend bugs", () => {
  for (const { seed, family, module, open } of REGRESSIONS) {
    const test = open === undefined ? it : it.fails;
    test(`seed ${seed} ${family} module ${module}${open ? ` (open: ${open})` : ""}`, () =>
      expectAgreement(seed, family, module));
  }
});
