/**
 * The differential check: the same wasm and calls in Node and on x86 in v86, results compared.
 *
 * Layer: e2e test support. Interface: `runDifferential(wasm, calls)` compiles with
 * @sawmill/wasm-x86 for the bare runtime's memory base, runs both sides and returns both result
 * lists plus a readable report of the calls that differ (empty when they agree).
 */

import {
  type Call,
  type CallResult,
  DEFAULT_MEMORY_BASE,
  runInNode,
  runOnBareMetal,
} from "@sawmill/bare-runtime";
import { compileModule } from "@sawmill/wasm-x86";

export interface Differential {
  readonly node: readonly CallResult[];
  readonly bare: readonly CallResult[];
  /** One line per differing call (at most 20), empty when both sides agree on every call. */
  readonly mismatches: readonly string[];
}

export async function runDifferential(wasm: Uint8Array, calls: readonly Call[]): Promise<Differential> {
  const node = (await runInNode(wasm, calls)).results;
  const module = compileModule(wasm, { memoryBase: DEFAULT_MEMORY_BASE });
  const bare = (await runOnBareMetal(module, calls, { timeoutMs: 90_000 })).results;
  return { node, bare, mismatches: compare(calls, node, bare) };
}

function compare(calls: readonly Call[], node: readonly CallResult[], bare: readonly CallResult[]): string[] {
  const lines: string[] = [];
  calls.forEach((call, i) => {
    const [n, b] = [show(node[i]), show(bare[i])];
    if (n !== b && lines.length < 20) lines.push(`${showCall(call)}: node ${n}, x86 ${b}`);
  });
  return lines;
}

export function showCall(call: Call): string {
  return `${call.export}(${call.args.map(showValue).join(", ")})`;
}

function show(result: CallResult | undefined): string {
  if (result === undefined) return "(missing)";
  const emitted = result.emitted ? ` emitted [${result.emitted.map(showValue).join(", ")}]` : "";
  return "trap" in result ? `trap "${result.trap}"${emitted}` : `${showValue(result.value)}${emitted}`;
}

function showValue(value: number | bigint | null): string {
  if (value === null) return "void";
  if (typeof value === "bigint") return `${value}n`;
  return Object.is(value, -0) ? "-0" : String(value);
}
