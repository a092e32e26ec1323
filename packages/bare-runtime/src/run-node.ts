/**
 * The Node twin of runOnBareMetal: the same calls on the same wasm in Node's WebAssembly.
 *
 * Layer: bare-runtime host side, the reference half of differential testing. Interface:
 * `runInNode(wasm, calls, options)` instantiates the module once with the same host imports as
 * the bare runtime (env.abort → trap "abort"; test.emit/test.emit_i64 → `emitted`) and the same
 * memory cap (the memory maximum is lowered to it), runs its start function, then the calls in order.
 * Results have exactly the shape and value representation of runOnBareMetal's (values.ts); traps are
 * V8's messages mapped to the runtime's trap names (trap-kinds.ts).
 */

import type { Call, CallResult } from "./call.js";
import { checkArity, findExport } from "./call.js";
import { DEFAULT_MAX_MEMORY_PAGES } from "./machine.js";
import { buildThunkModule, THUNK_IMPORT_MODULE, thunkName } from "./node-thunk.js";
import { AbortTrap, nodeTrapName } from "./node-traps.js";
import { argumentBits, resultValue, type ValType, type WasmValue } from "./values.js";
import { capMemory, readModuleInfo } from "./wasm-binary.js";

export interface NodeRunOptions {
  /** Cap on linear memory in pages, as in runOnBareMetal (default 1024). */
  readonly maxMemoryPages?: number;
}

export interface NodeRun {
  readonly results: CallResult[];
}

export async function runInNode(
  wasm: Uint8Array,
  calls: readonly Call[],
  options: NodeRunOptions = {},
): Promise<NodeRun> {
  const info = readModuleInfo(wasm);
  const emitted: WasmValue[] = [];
  const imports = {
    env: { abort: abortImport },
    test: {
      emit: (value: number) => emitted.push(value | 0),
      emit_i64: (value: bigint) => emitted.push(BigInt.asIntN(64, value)),
    },
  };
  const capped = capMemory(wasm, options.maxMemoryPages ?? DEFAULT_MAX_MEMORY_PAGES);
  const { instance } = await WebAssembly.instantiate(capped, imports).catch((error: unknown) => {
    throw new Error(`instantiation or start function failed: ${String(error)}`);
  });
  const targets = Object.fromEntries(info.exports.map((e, i) => [String(i), instance.exports[e.name]]));
  const thunks = (
    await WebAssembly.instantiate(buildThunkModule(info.exports), { [THUNK_IMPORT_MODULE]: targets })
  ).instance.exports;
  const results = calls.map((call): CallResult => {
    const exported = findExport(info.exports, call.export);
    checkArity(call, exported);
    const thunk = thunks[thunkName(info.exports.indexOf(exported))] as (...args: unknown[]) => unknown;
    const args = exported.params.map((type, i) => argumentBits(type, call.args[i]!));
    emitted.length = 0;
    const outcome = invoke(thunk, args, exported.results[0] ?? null);
    return emitted.length > 0 ? { ...outcome, emitted: [...emitted] } : outcome;
  });
  return { results };
}

function invoke(thunk: (...args: unknown[]) => unknown, args: unknown[], result: ValType | null): CallResult {
  try {
    const raw = thunk(...args);
    return { value: result === null ? null : fromBits(result, raw) };
  } catch (error) {
    return { trap: nodeTrapName(error) };
  }
}

function fromBits(type: ValType, raw: unknown): WasmValue {
  if (typeof raw === "bigint") {
    return resultValue(type, [Number(raw & 0xffffffffn), Number(BigInt.asUintN(64, raw) >> 32n)]);
  }
  return resultValue(type, [Number(raw)]);
}

function abortImport(): never {
  throw new AbortTrap();
}
