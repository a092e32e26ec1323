/**
 * The differential check: the same wasm and calls in Node and on x86 in v86, results compared.
 *
 * Layer: e2e test support. Interface: `runDifferential(wasm, calls)` compiles with
 * @sawmill/wasm-x86 for the bare runtime's memory base, runs both sides and returns both result
 * lists plus a readable report of the calls that differ (empty when they agree);
 * `mismatchReport` is that comparison on its own.
 */

import {
  bitsToFloat,
  type Call,
  type CallResult,
  DEFAULT_MEMORY_BASE,
  readModuleInfo,
  runInNode,
  runOnBareMetal,
  type ValType,
  type WasmValue,
} from "@sawmill/bare-runtime";
import { compileModule } from "@sawmill/wasm-x86";

export interface Differential {
  readonly node: readonly CallResult[];
  readonly bare: readonly CallResult[];
  /** One line per differing call (at most 20), empty when both sides agree on every call. */
  readonly mismatches: readonly string[];
}

const MAX_REPORTED = 20;

export async function runDifferential(wasm: Uint8Array, calls: readonly Call[]): Promise<Differential> {
  const node = (await runInNode(wasm, calls)).results;
  const module = compileModule(wasm, { memoryBase: DEFAULT_MEMORY_BASE });
  const bare = (await runOnBareMetal(module, calls, { timeoutMs: 90_000 })).results;
  const resultTypes = new Map(readModuleInfo(wasm).exports.map((e) => [e.name, e.results[0] ?? null]));
  return { node, bare, mismatches: mismatchReport(calls, node, bare, resultTypes) };
}

/** Lines `call: node …, x86 …` for each call whose results differ in any bit, trap or emitted value. */
export function mismatchReport(
  calls: readonly Call[],
  node: readonly CallResult[],
  bare: readonly CallResult[],
  resultTypes: ReadonlyMap<string, ValType | null> = new Map(),
): string[] {
  const lines: string[] = [];
  calls.forEach((call, i) => {
    const type = resultTypes.get(call.export) ?? null;
    const [n, b] = [show(node[i], type), show(bare[i], type)];
    if (n !== b && lines.length < MAX_REPORTED) lines.push(`${showCall(call)}: node ${n}, x86 ${b}`);
  });
  return lines;
}

export function showCall(call: Call): string {
  return `${call.export}(${call.args.map(showValue).join(", ")})`;
}

function show(result: CallResult | undefined, type: ValType | null): string {
  if (result === undefined) return "(missing)";
  const emitted = result.emitted ? ` emitted [${result.emitted.map(showValue).join(", ")}]` : "";
  if ("trap" in result) return `trap "${result.trap}"${emitted}`;
  if (result.value !== null && (type === "f32" || type === "f64")) {
    return `${showValue(result.value)} (${bitsToFloat(type, result.value)})${emitted}`;
  }
  return `${showValue(result.value)}${emitted}`;
}

function showValue(value: WasmValue | null): string {
  if (value === null) return "void";
  if (typeof value === "bigint") return `${value}n`;
  return Object.is(value, -0) ? "-0" : String(value);
}
