/**
 * Which generated modules a run uses: the seed and sizes, overridable from the environment
 * (SAWMILL_SEED, SAWMILL_GENERATED_MODULES, SAWMILL_GENERATED_FUNCTIONS) to reproduce a failure.
 */

import type { ValType } from "@sawmill/wasm-encoder";
import { DEFAULT_OPTIONS, type GeneratorOptions } from "./module-generator.js";

export const DEFAULT_SEED = 20261127;

function fromEnvironment(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${name} must be a non-negative integer, got "${text}"`);
  return value;
}

export const SEED = fromEnvironment("SAWMILL_SEED", DEFAULT_SEED);

/** The two module families: integers only, and every value type (floats included). */
export const FAMILIES: Readonly<Record<"integer" | "all", readonly ValType[]>> = {
  integer: ["i32", "i64"],
  all: ["i32", "i64", "f32", "f64"],
};

export const MODULES: Readonly<Record<keyof typeof FAMILIES, number>> = {
  integer: fromEnvironment("SAWMILL_GENERATED_MODULES", 20),
  all: fromEnvironment("SAWMILL_GENERATED_MODULES", 30),
};

export function generatorOptions(family: keyof typeof FAMILIES): GeneratorOptions {
  return {
    ...DEFAULT_OPTIONS,
    functions: fromEnvironment("SAWMILL_GENERATED_FUNCTIONS", DEFAULT_OPTIONS.functions),
    types: FAMILIES[family],
  };
}

/** Different families use different module streams of the same seed. */
export function familySeed(seed: number, family: keyof typeof FAMILIES): number {
  return family === "integer" ? seed : (seed ^ 0x5a5a5a5a) >>> 0;
}
