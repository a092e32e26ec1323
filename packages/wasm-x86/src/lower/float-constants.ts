/**
 * Float constants in rodata: scalar values for arithmetic and comparisons, and 16-byte masks
 * for the packed bit operations (andps/xorps/orps read all 16 bytes of a memory operand and
 * require 16-byte alignment, which `ModuleContext.constant` guarantees).
 *
 * Layer: lowering support for the float families. Constants are deduplicated per object, so
 * asking for the same value twice costs nothing.
 */

import { type MemoryOperand, m32, m64, m128 } from "@sawmill/x86";
import type { FunctionCompiler } from "../codegen/function-compiler.js";

export type FloatType = "f32" | "f64";

/** Little-endian bytes of `value` as an f32 or f64. */
export function floatBytes(type: FloatType, value: number): number[] {
  const view = new DataView(new ArrayBuffer(8));
  if (type === "f32") view.setFloat32(0, value, true);
  else view.setFloat64(0, value, true);
  return [...new Uint8Array(view.buffer, 0, type === "f32" ? 4 : 8)];
}

/** Little-endian bytes of a raw bit pattern of the type's width. */
export function bitBytes(type: FloatType, bits: bigint): number[] {
  const width = type === "f32" ? 4 : 8;
  return Array.from({ length: width }, (_, k) => Number((bits >> BigInt(8 * k)) & 0xffn));
}

/** A scalar memory operand holding `value` (m32 for f32, m64 for f64). */
export function scalarConstant(fc: FunctionCompiler, type: FloatType, value: number): MemoryOperand {
  const label = fc.ctx.constant(floatBytes(type, value));
  return type === "f32" ? m32({ label }) : m64({ label });
}

/** A scalar memory operand holding the raw bit pattern `bits`. */
export function bitsConstant(fc: FunctionCompiler, type: FloatType, bits: bigint): MemoryOperand {
  const label = fc.ctx.constant(bitBytes(type, bits));
  return type === "f32" ? m32({ label }) : m64({ label });
}

/** A 16-byte operand with the scalar bit pattern repeated in every lane (for packed logic). */
export function vectorConstant(fc: FunctionCompiler, type: FloatType, bits: bigint): MemoryOperand {
  const lane = bitBytes(type, bits);
  const bytes = Array.from({ length: 16 / lane.length }, () => lane).flat();
  return m128({ label: fc.ctx.constant(bytes) });
}

const SIGN_BITS: Record<FloatType, bigint> = { f32: 0x80000000n, f64: 0x8000000000000000n };

/** Only the sign bit set: `xorps` negates, `andps` extracts the sign. */
export const signMask = (fc: FunctionCompiler, type: FloatType): MemoryOperand =>
  vectorConstant(fc, type, SIGN_BITS[type]);

/** Everything but the sign bit: `andps` takes the absolute value. */
export const magnitudeMask = (fc: FunctionCompiler, type: FloatType): MemoryOperand =>
  vectorConstant(fc, type, SIGN_BITS[type] - 1n);

/** The value 1.0 in every lane (`andps` with a compare mask gives 1.0 or +0). */
export function oneVector(fc: FunctionCompiler, type: FloatType): MemoryOperand {
  return vectorConstant(fc, type, type === "f32" ? 0x3f800000n : 0x3ff0000000000000n);
}

/** The NaN x86 produces for an invalid operation (0/0): sign set, quiet, zero payload — the
 * same bits V8 produces for f32/f64.min/max of a NaN on this architecture. */
export function defaultNaN(fc: FunctionCompiler, type: FloatType): MemoryOperand {
  return bitsConstant(fc, type, type === "f32" ? 0xffc00000n : 0xfff8000000000000n);
}
