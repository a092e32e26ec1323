/**
 * Value and function types.
 *
 * Layer: wasm-encoder primitives. Interface: `ValType` names the four number types, `VALTYPE`
 * maps each to its binary code, `FuncType` is a signature (params → results).
 */

export type ValType = "i32" | "i64" | "f32" | "f64";

export const VALTYPE: Record<ValType, number> = { i32: 0x7f, i64: 0x7e, f32: 0x7d, f64: 0x7c };

export interface FuncType {
  readonly params: readonly ValType[];
  readonly results: readonly ValType[];
}
