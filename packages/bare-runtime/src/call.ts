/**
 * What a test asks the bare runtime (or its Node twin) to do, and what comes back.
 *
 * Layer: bare-runtime interface types. A `Call` names an export and its arguments; a
 * `CallResult` is the export's value (null for no result) or the trap that ended it, plus the
 * values the call sent through the host imports (`test.emit`, `test.emit_i64`), when any.
 * `BareModule` is the structural shape of @sawmill/wasm-x86's `CompiledModule` that the runtime
 * needs, so this package does not depend on the backend.
 */

import type { X86Object } from "@sawmill/x86";
import type { ValType, WasmValue } from "./values.js";

export interface Call {
  /** Export name (as in the wasm module). */
  readonly export: string;
  /** One value per parameter; see values.ts for how numbers and bigints map to each type. */
  readonly args: readonly WasmValue[];
  /**
   * Bare metal only: when set, the runtime writes marker `marker` just before the call and
   * `marker + 1` just after it returns, to the debug device's marker port (benchmarks).
   */
  readonly marker?: number;
}

export type CallResult =
  | { readonly value: WasmValue | null; readonly emitted?: readonly WasmValue[] }
  | { readonly trap: string; readonly emitted?: readonly WasmValue[] };

export interface FunctionSignature {
  readonly params: readonly ValType[];
  readonly results: readonly ValType[];
}

export interface BareModule {
  readonly object: X86Object;
  readonly exports: readonly ({ readonly name: string; readonly symbol: string } & FunctionSignature)[];
  readonly imports: readonly ({
    readonly module: string;
    readonly name: string;
    readonly symbol: string;
  } & FunctionSignature)[];
  readonly memory: { readonly initialPages: number; readonly maxPages: number | null } | null;
  readonly startSymbol: string;
}

/** The export's signature, or an error naming the export and what exists. */
export function findExport<T extends { readonly name: string }>(exports: readonly T[], name: string): T {
  const found = exports.find((e) => e.name === name);
  if (found === undefined) {
    throw new Error(`no export "${name}" (exports: ${exports.map((e) => e.name).join(", ") || "none"})`);
  }
  return found;
}

/** Checks the argument count against the signature, naming the call on mismatch. */
export function checkArity(call: Call, signature: FunctionSignature): void {
  if (call.args.length !== signature.params.length) {
    throw new Error(
      `call ${call.export}: ${call.args.length} arguments for parameters (${signature.params.join(", ")})`,
    );
  }
  if (signature.results.length > 1) {
    throw new Error(`call ${call.export}: multi-value results (${signature.results.join(", ")}) unsupported`);
  }
}
