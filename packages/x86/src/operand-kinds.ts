/**
 * Operand classification and the one error format for bad operand combinations.
 *
 * Layer: shared by the instruction families. `InvalidOperands` messages always name the
 * instruction and all its operands, e.g. `x86: invalid operands: mov(m32[eax], m32[ebx]) — ...`.
 */

import type { ImmediateField, RmOperand } from "./encoding.js";
import type { Immediate, MemoryOperand, Operand } from "./operands.js";
import { describe, fitsBits, fitsInt8, toSigned } from "./operands.js";
import type { Gpr, GprSize, Xmm } from "./registers.js";

export class InvalidOperands extends Error {
  constructor(mnemonic: string, operands: readonly Operand[], reason?: string) {
    const call = `${mnemonic}(${operands.map(describe).join(", ")})`;
    super(`x86: invalid operands: ${call}${reason ? ` — ${reason}` : ""}`);
    this.name = "InvalidOperands";
  }
}

export const isGpr = (op: Operand, size?: GprSize): op is Gpr =>
  typeof op === "object" && op.kind === "gpr" && (size === undefined || op.size === size);

export const isMem = (op: Operand, size?: number): op is MemoryOperand =>
  typeof op === "object" && op.kind === "mem" && (size === undefined || op.size === size);

export const isXmm = (op: Operand): op is Xmm => typeof op === "object" && op.kind === "xmm";

export const isImmediate = (op: Operand): op is Immediate =>
  typeof op === "number" || op.kind === "sym" || op.kind === "label";

/** A general register or memory operand of one of the integer widths. */
export const isIntRm = (op: Operand): op is Gpr | MemoryOperand =>
  isGpr(op) || (isMem(op) && (op.size === 8 || op.size === 16 || op.size === 32));

export const isXmmRm = (op: Operand, memSize: number): op is Xmm | MemoryOperand =>
  isXmm(op) || isMem(op, memSize);

/** Width in bits of a register or memory operand. */
export function widthOf(op: RmOperand): number {
  if (op.kind === "mem") return op.size;
  if (op.kind === "gpr") return op.size;
  return op.kind === "xmm" ? 128 : 32;
}

/** 0x66 for 16-bit operands. */
export const sizePrefix = (width: number): number[] => (width === 16 ? [0x66] : []);

/**
 * An immediate for an operand of `width` bits, checked for range. Symbols and labels are
 * 32-bit only. `narrow` reports whether the value fits a sign-extended imm8 field.
 */
export function immediateFor(
  imm: Immediate,
  width: number,
  fail: () => never,
): { field: ImmediateField; narrow: boolean; value: number | null } {
  const size = (width / 8) as 1 | 2 | 4;
  if (typeof imm !== "number") {
    if (width !== 32) fail();
    return { field: { size: 4, value: imm }, narrow: false, value: null };
  }
  if (!fitsBits(imm, width)) fail();
  return { field: { size, value: imm }, narrow: fitsInt8(toSigned(imm, width)), value: imm };
}

/** An 8-bit immediate field (0..255 or -128..127). */
export function imm8(value: Operand, fail: () => never): ImmediateField {
  if (typeof value !== "number" || !fitsBits(value, 8)) fail();
  return { size: 1, value };
}
