/**
 * Reproduces one generated module: writes its wasm and text form, runs it in Node and on x86, and
 * prints the differing calls (each names its function, `f<index>`).
 *
 *   npx tsx --conditions=@sawmill/source generated/reproduce.ts <seed> <integer|all> <module> [function]
 *
 * With a function index only that function's calls run (all functions are still compiled).
 * SAWMILL_GENERATED_FUNCTIONS=<n> generates fewer functions, as in the test run.
 */

import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { runDifferential } from "../support/differential.js";
import { functionName, generateModule } from "./module-generator.js";
import { FAMILIES, familySeed, generatorOptions } from "./settings.js";

const [seedText, familyText, moduleText, functionText] = process.argv.slice(2);
if (seedText === undefined || moduleText === undefined || !(familyText! in FAMILIES)) {
  throw new Error("usage: reproduce.ts <seed> <integer|all> <module> [function]");
}
const family = familyText as keyof typeof FAMILIES;
const seed = Number(seedText);
const module = generateModule(familySeed(seed, family), Number(moduleText), generatorOptions(family));
const base = `/tmp/sawmill-generated-${seed}-${family}-${moduleText}`;
writeFileSync(`${base}.wasm`, module.wasm);
const wasmDis = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "node_modules", ".bin", "wasm-dis");
writeFileSync(`${base}.wat`, execFileSync(wasmDis, [`${base}.wasm`, "--all-features"]));
console.log(
  `wrote ${base}.wasm and ${base}.wat (function f<i> is $<i> there: wasm-dis numbers imports apart)`,
);
const calls =
  functionText === undefined
    ? module.calls
    : module.calls.filter((c) => c.export === functionName(Number(functionText)));
const { mismatches } = await runDifferential(module.wasm, calls);
console.log(mismatches.length === 0 ? `all ${calls.length} calls agree` : mismatches.join("\n"));
