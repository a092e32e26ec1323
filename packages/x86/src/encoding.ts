/**
 * Instruction encoding: prefixes, opcode, ModRM/SIB/displacement, immediates.
 *
 * Layer: the bottom of the assembler. Instruction families (integer.ts, control.ts, ...) choose
 * an `Encoding`; `encode` turns it into bytes and fixups in a `SectionBuffer`. Nothing here
 * knows mnemonics.
 *
 * 32-bit addressing rules implemented by `emitModRM`:
 * - register operand: mod=11.
 * - [disp32] alone: mod=00 rm=101. [index*scale+disp32]: SIB with base=101, mod=00.
 * - esp as base always needs a SIB byte (rm=100 means "SIB follows"); index=100 means none.
 * - ebp as base has no mod=00 form (that slot is [disp32]), so [ebp] is [ebp+disp8 0].
 * - displacement: none when 0, disp8 when it fits in a signed byte, else disp32; a symbol or
 *   label displacement is always disp32 (its value is only known at link time).
 */

import type { Immediate, MemoryOperand } from "./operands.js";
import { fitsInt8 } from "./operands.js";
import type { Register } from "./registers.js";
import type { SectionBuffer } from "./section.js";

export type RmOperand = Register | MemoryOperand;

export interface ImmediateField {
  readonly size: 1 | 2 | 4;
  readonly value: Immediate;
  /** A rel32 field: the value is a target address, stored relative to the next instruction. */
  readonly pcRelative?: boolean;
}

export interface Encoding {
  /** Operand-size (0x66), rep (0xF3/0xF2) or mandatory SSE prefixes, in emission order. */
  readonly prefixes?: readonly number[];
  readonly opcode: readonly number[];
  /** reg is the ModRM reg field: a register code or an opcode extension (/digit). */
  readonly modrm?: { readonly reg: number; readonly rm: RmOperand };
  readonly immediates?: readonly ImmediateField[];
}

const SCALE_BITS = { 1: 0, 2: 1, 4: 2, 8: 3 } as const;

/** `origin` names the instruction in error messages and unresolved-label reports. */
export function encode(out: SectionBuffer, encoding: Encoding, origin: string): void {
  out.emit([...(encoding.prefixes ?? []), ...encoding.opcode]);
  if (encoding.modrm) emitModRM(out, encoding.modrm.reg, encoding.modrm.rm, origin);
  for (const field of encoding.immediates ?? []) emitImmediate(out, field, origin);
}

function emitModRM(out: SectionBuffer, reg: number, rm: RmOperand, origin: string): void {
  const regBits = (reg & 7) << 3;
  if (rm.kind !== "mem") {
    out.emit([0xc0 | regBits | rm.code]);
    return;
  }
  const { base, index } = rm;
  if (base === null && index === null) {
    out.emit([0x05 | regBits]);
    emitDisp32(out, rm, origin);
    return;
  }
  if (base === null) {
    out.emit([0x04 | regBits, sib(rm.scale, index!.code, 5)]);
    emitDisp32(out, rm, origin);
    return;
  }
  const mod = displacementMode(rm, base.code);
  if (index !== null || base.code === 4) {
    out.emit([(mod << 6) | regBits | 4, sib(rm.scale, index?.code ?? 4, base.code)]);
  } else {
    out.emit([(mod << 6) | regBits | base.code]);
  }
  if (mod === 1) out.emit([rm.disp]);
  if (mod === 2) emitDisp32(out, rm, origin);
}

/** ModRM mod field for a based operand: 0 = no displacement, 1 = disp8, 2 = disp32. */
function displacementMode(m: MemoryOperand, baseCode: number): number {
  if (m.symbol !== null || m.label !== null) return 2;
  if (m.disp === 0 && baseCode !== 5) return 0;
  return fitsInt8(m.disp) ? 1 : 2;
}

function sib(scale: 1 | 2 | 4 | 8, index: number, base: number): number {
  return (SCALE_BITS[scale] << 6) | (index << 3) | base;
}

function emitDisp32(out: SectionBuffer, m: MemoryOperand, origin: string): void {
  if (m.symbol !== null) out.fixup("abs32", { symbol: m.symbol }, m.disp, origin);
  else if (m.label !== null) out.fixup("abs32", { label: m.label }, m.disp, origin);
  else out.emit(littleEndian(m.disp, 4));
}

function emitImmediate(out: SectionBuffer, field: ImmediateField, origin: string): void {
  const { value, size } = field;
  if (typeof value === "number") {
    out.emit(littleEndian(value, size));
    return;
  }
  if (size !== 4) throw new Error(`${origin}: a symbol or label needs a 32-bit immediate field`);
  const type = field.pcRelative ? "rel32" : "abs32";
  // The CPU adds the address of the next instruction, which ends with this field.
  const bias = field.pcRelative ? -4 : 0;
  if (value.kind === "sym") out.fixup(type, { symbol: value.name }, value.addend + bias, origin);
  else out.fixup(type, { label: value }, bias, origin);
}

/** The recommended multi-byte nops (Intel SDM, NOP), indexed by length 1..9. */
const NOPS: readonly (readonly number[])[] = [
  [],
  [0x90],
  [0x66, 0x90],
  [0x0f, 0x1f, 0x00],
  [0x0f, 0x1f, 0x40, 0x00],
  [0x0f, 0x1f, 0x44, 0x00, 0x00],
  [0x66, 0x0f, 0x1f, 0x44, 0x00, 0x00],
  [0x0f, 0x1f, 0x80, 0x00, 0x00, 0x00, 0x00],
  [0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00],
  [0x66, 0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00],
];

/** `size` bytes of padding made of as few nop instructions as possible. */
export function nopPadding(size: number): number[] {
  const bytes: number[] = [];
  for (let left = size; left > 0; left -= Math.min(left, 9)) bytes.push(...NOPS[Math.min(left, 9)]);
  return bytes;
}

/** The low `size` (at most 4) bytes of an integer, least significant first. */
export function littleEndian(value: number, size: number): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < size; i++) bytes.push((value >>> (8 * i)) & 0xff);
  return bytes;
}
