/**
 * The differential check of the package's float tests: compile tiny wasm modules, run the same
 * calls in Node's WebAssembly and on x86 (v86, bare runtime), expect identical results.
 *
 * Layer: test support. Interface: `expectSameResults(functions, calls, anyNaN?, globals?)`,
 * `unaryFunction(name, opcode, param, result)`, `isNaNArgument(type, value)`.
 */

import {
  type Call,
  type CallResult,
  DEFAULT_MEMORY_BASE,
  runInNode,
  runOnBareMetal,
  type WasmValue,
} from "@sawmill/bare-runtime";
import { expect } from "vitest";
import { compileModule } from "../src/index.js";
import type { ValType } from "../src/types.js";
import { buildModule, code, type FunctionSpec, type GlobalSpec } from "./wasm-builder.js";

/**
 * Runs `calls` on both sides and expects identical results. For calls that `anyNaN` accepts,
 * any NaN result equals any other (see the binary-operation test for why).
 */
export async function expectSameResults(
  functions: readonly FunctionSpec[],
  calls: readonly Call[],
  anyNaN: (call: Call) => boolean = () => false,
  globals: readonly GlobalSpec[] = [],
): Promise<void> {
  const wasm = buildModule(functions, globals);
  const node = await runInNode(wasm, calls);
  const module = compileModule(wasm, { memoryBase: DEFAULT_MEMORY_BASE });
  const bare = await runOnBareMetal(module, calls, { timeoutMs: 60_000 });
  const show = (call: Call, result: CallResult | undefined) =>
    JSON.stringify(
      anyNaN(call) && result && "value" in result && isNaNResult(result.value) ? "NaN" : result,
      bigints,
    );
  const differences = calls
    .map((call, i) => ({ call, node: node.results[i], x86: bare.results[i] }))
    .filter(({ call, node: n, x86 }) => show(call, n) !== show(call, x86));
  expect(differences.slice(0, 10).map((d) => JSON.stringify(d, bigints))).toEqual([]);
}

/** Whether a float result (f32 bits as a number, f64 bits as a bigint) is a NaN. */
function isNaNResult(bits: unknown): boolean {
  if (typeof bits === "number") return ((bits >>> 0) & 0x7fffffff) > 0x7f800000;
  return typeof bits === "bigint" && (bits & 0x7fffffffffffffffn) > 0x7ff0000000000000n;
}

/** Whether a float argument (a number, or the raw bits of `type` as a bigint) is a NaN. */
export function isNaNArgument(type: "f32" | "f64", v: WasmValue): boolean {
  if (typeof v === "number") return Number.isNaN(v);
  return type === "f32" ? (v & 0x7fffffffn) > 0x7f800000n : (v & 0x7fffffffffffffffn) > 0x7ff0000000000000n;
}

const bigints = (_key: string, value: unknown) =>
  typeof value === "bigint" ? `${value}n` : Object.is(value, -0) ? "-0" : value;

export function unaryFunction(name: string, opcode: string, param: ValType, result: ValType): FunctionSpec {
  return { name, params: [param], results: [result], body: [...code.get(0), ...code.op(opcode)] };
}
