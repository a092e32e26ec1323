/**
 * Random modules for differential testing: generated functions plus the calls to make.
 *
 * Layer: e2e generated tests. Interface: `generateModule(seed, moduleIndex, options)` is a pure
 * function of its arguments: the wasm binary (functions `f0`…`f{n-1}`, all exported, imported
 * `test.emit`/`test.emit_i64`, one page of memory, two mutable globals per type, a table of every
 * function plus two empty slots) and the calls — each function with parameters called with a few
 * argument lists mixing edge values and random ones, each call followed by a call of `state`
 * (state-function.ts) so that a divergence in memory or globals shows at the call that caused it.
 */

import type { Call, WasmValue } from "@sawmill/bare-runtime";
import { Code, type FuncType, ModuleBuilder, type ValType } from "@sawmill/wasm-encoder";
import { EDGE_VALUES } from "../support/edge-values.js";
import { Random } from "../support/random.js";
import {
  EMIT_I32,
  EMIT_I64,
  type GeneratedSignature,
  generateFunction,
  IMPORT_COUNT,
} from "./function-generator.js";
import { STATE_EXPORT, stateFunction } from "./state-function.js";

export interface GeneratorOptions {
  readonly functions: number;
  readonly argumentLists: number;
  /** Value types to use; must include i32. */
  readonly types: readonly ValType[];
}

export const DEFAULT_OPTIONS: GeneratorOptions = {
  functions: 100,
  argumentLists: 3,
  types: ["i32", "i64", "f32", "f64"],
};

export interface GeneratedModule {
  readonly wasm: Uint8Array;
  readonly calls: readonly Call[];
}

export function functionName(index: number): string {
  return `f${index}`;
}

export function generateModule(
  seed: number,
  moduleIndex: number,
  options = DEFAULT_OPTIONS,
): GeneratedModule {
  if (!options.types.includes("i32")) throw new Error("generated modules need i32");
  const random = new Random(seed).fork(moduleIndex);
  const builder = new ModuleBuilder();
  builder.imports.push(
    { module: "test", name: "emit", type: { params: ["i32"], results: [] } },
    { module: "test", name: "emit_i64", type: { params: ["i64"], results: [] } },
  );
  if (builder.imports.length !== IMPORT_COUNT || EMIT_I32 !== 0 || EMIT_I64 !== 1)
    throw new Error("import layout");
  builder.memory = { min: 1, max: 1 };
  for (const type of options.types)
    for (let i = 0; i < 2; i++) builder.globals.push({ type, init: constant(type, random) });
  const tableSize = options.functions + 2;
  builder.table = [...Array.from({ length: options.functions }, (_, i) => IMPORT_COUNT + i), null, null];
  const signatures: GeneratedSignature[] = [];
  const context = {
    types: options.types,
    functions: signatures,
    globals: builder.globals.map((g) => g.type),
    tableSize,
    typeIndex: (type: FuncType) => builder.typeIndex(type),
  };
  for (let i = 0; i < options.functions; i++) {
    const type = randomSignature(random, options.types);
    const { locals, body, weight } = generateFunction(context, type, random.fork(i));
    builder.functions.push({ type, locals, body, exportName: functionName(i) });
    signatures.push({ type, weight });
  }
  builder.functions.push(stateFunction(builder.globals.map((g) => g.type)));
  return { wasm: builder.encode(), calls: makeCalls(signatures, random, options.argumentLists) };
}

function randomSignature(random: Random, types: readonly ValType[]): FuncType {
  const params = Array.from({ length: random.int(5) }, () => random.pick(types));
  return { params, results: random.chance(0.85) ? [random.pick(types)] : [] };
}

function constant(type: ValType, random: Random): Code {
  const c = new Code();
  if (type === "i32") return c.i32Const(random.u32());
  if (type === "i64") return c.i64Const(random.i64());
  if (type === "f32") return c.f32Const(random.u32() & 0x4fffffff);
  return c.f64Const(BigInt.asUintN(64, random.i64()) & 0x40ffffffffffffffn);
}

function makeCalls(signatures: readonly GeneratedSignature[], random: Random, lists: number): Call[] {
  return signatures.flatMap(({ type }, i) => {
    const count = type.params.length === 0 ? 1 : lists;
    return Array.from({ length: count }, () => [
      { export: functionName(i), args: type.params.map((p) => argument(p, random)) },
      { export: STATE_EXPORT, args: [] },
    ]).flat();
  });
}

function argument(type: ValType, random: Random): WasmValue {
  if (random.chance(0.6)) return random.pick(EDGE_VALUES[type]);
  switch (type) {
    case "i32":
      return random.u32() | 0;
    case "i64":
      return random.i64();
    case "f32":
      return BigInt(random.u32());
    case "f64":
      return BigInt.asUintN(64, random.i64());
  }
}
