/**
 * Node's (V8's) trap errors as the runtime's trap names.
 *
 * Layer: bare-runtime host side (Node twin). Interface: `nodeTrapName(error)` for an error thrown
 * out of a wasm call; errors that are not traps are rethrown, so a broken harness never looks like
 * a trapping program. Messages as V8 in Node 20 words them.
 */

import { TrapKind, trapName } from "./trap-kinds.js";

const V8_MESSAGES: Record<string, number> = {
  unreachable: TrapKind.Unreachable,
  "divide by zero": TrapKind.DivideByZero,
  "remainder by zero": TrapKind.DivideByZero,
  "divide result unrepresentable": TrapKind.IntegerOverflow,
  "float unrepresentable in integer range": TrapKind.InvalidConversion,
  "null function or function signature mismatch": TrapKind.IndirectCallSignature,
  "table index is out of bounds": TrapKind.TableOutOfBounds,
  "memory access out of bounds": TrapKind.MemoryOutOfBounds,
};

/** Thrown by the Node twin's env.abort; reported as the "abort" trap. */
export class AbortTrap extends Error {
  constructor() {
    super("abort");
  }
}

export function nodeTrapName(error: unknown): string {
  if (error instanceof AbortTrap) return trapName(TrapKind.Abort);
  if (error instanceof RangeError && error.message === "Maximum call stack size exceeded") {
    return trapName(TrapKind.StackOverflow);
  }
  if (error instanceof WebAssembly.RuntimeError) {
    const kind = V8_MESSAGES[error.message];
    if (kind !== undefined) return trapName(kind);
  }
  throw error;
}
