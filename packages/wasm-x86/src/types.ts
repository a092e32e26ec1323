/**
 * Public value and trap types of the backend (interface (4) in DESIGN: the ABI contract).
 *
 * Layer: public API data. `TrapKind` numbers are passed in eax to the runtime's `__wasm_trap`
 * and must never be renumbered: the runtime reports them by these values.
 */

export type ValType = "i32" | "i64" | "f32" | "f64";

export interface FuncType {
  readonly params: readonly ValType[];
  readonly results: readonly ValType[];
}

export const TrapKind = {
  Unreachable: 1,
  DivideByZero: 2,
  IntegerOverflow: 3,
  InvalidConversion: 4,
  IndirectCallSignature: 5,
  IndirectCallNull: 6,
  TableOutOfBounds: 7,
  StackOverflow: 8,
  MemoryOutOfBounds: 9,
} as const;

export type TrapKind = (typeof TrapKind)[keyof typeof TrapKind];

/** Size in bytes of a value of the type in memory, frames and cdecl argument lists. */
export function byteSize(type: ValType): 4 | 8 {
  return type === "i64" || type === "f64" ? 8 : 4;
}
