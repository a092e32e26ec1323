/**
 * Operands other than registers: memory references, symbol immediates and labels.
 *
 * Layer: assembler operands. Interface: `m8`/`m16`/`m32`/`m64`/`m128` build a memory operand
 * whose size is part of its type (so `mov(m32(...), 5)` needs no size suffix), `sym(name, addend)`
 * is a 32-bit immediate relocated against a symbol, a `Label` (from `Assembler.newLabel()`) is a
 * position in the code. Plain numbers are immediates.
 *
 * Invariants (checked when the operand is built, so a bad operand fails where it is written):
 * base and index are 32-bit general registers, esp is never an index, scale is 1/2/4/8,
 * disp fits in 32 bits (signed or unsigned), at most one of symbol/label relocates the disp.
 */

import type { Gpr, Register } from "./registers.js";

export type MemorySize = 8 | 16 | 32 | 64 | 128;
export type Scale = 1 | 2 | 4 | 8;

export interface MemorySpec {
  readonly base?: Gpr;
  readonly index?: Gpr;
  readonly scale?: Scale;
  readonly disp?: number;
  /** Relocate the displacement against this symbol (abs32, addend = disp). */
  readonly symbol?: string;
  /** Relocate the displacement against this label's address (abs32, addend = disp). */
  readonly label?: Label;
}

export interface MemoryOperand {
  readonly kind: "mem";
  readonly size: MemorySize;
  readonly base: Gpr | null;
  readonly index: Gpr | null;
  readonly scale: Scale;
  /** Signed 32-bit displacement. */
  readonly disp: number;
  readonly symbol: string | null;
  readonly label: Label | null;
}

/** A 32-bit immediate whose value is a symbol's address plus an addend (abs32 relocation). */
export interface SymbolRef {
  readonly kind: "sym";
  readonly name: string;
  readonly addend: number;
}

/** A position in some section of one assembler; bound once with `Assembler.bind`. */
export class Label {
  readonly kind = "label";
  constructor(
    /** Unique within its assembler; used in messages. */
    readonly id: number,
    /** Identifies the assembler that created the label. */
    readonly owner: object,
  ) {}
}

export type Immediate = number | SymbolRef | Label;
export type Operand = Register | MemoryOperand | Immediate;

/** Whether `value` fits in `bits` bits as a signed or an unsigned integer. */
export function fitsBits(value: number, bits: number): boolean {
  return Number.isInteger(value) && value >= -(2 ** (bits - 1)) && value < 2 ** bits;
}

/** Whether `value` fits in a sign-extended 8-bit field. */
export function fitsInt8(value: number): boolean {
  return value >= -128 && value <= 127;
}

/** Reinterpret `value` (already known to fit in `bits` bits) as a signed `bits`-bit integer. */
export function toSigned(value: number, bits: number): number {
  if (bits === 32) return value | 0;
  const shift = 32 - bits;
  return (value << shift) >> shift;
}

function memory(size: MemorySize, spec: MemorySpec): MemoryOperand {
  const { base = null, index = null, scale = 1, disp = 0, symbol = null, label = null } = spec;
  const fail = (reason: string): never => {
    const shown = { ...spec, base: base?.name, index: index?.name, label: label?.id };
    throw new Error(`m${size}(${JSON.stringify(shown)}): ${reason}`);
  };
  for (const reg of [base, index]) {
    if (reg !== null && (reg.kind !== "gpr" || reg.size !== 32))
      fail(`base and index must be 32-bit registers`);
  }
  if (index !== null && index.code === 4) fail("esp cannot be an index register");
  if (scale !== 1 && scale !== 2 && scale !== 4 && scale !== 8) fail("scale must be 1, 2, 4 or 8");
  if (!fitsBits(disp, 32)) fail(`displacement ${disp} does not fit in 32 bits`);
  if (symbol !== null && label !== null) fail("give a symbol or a label, not both");
  return Object.freeze({ kind: "mem", size, base, index, scale, disp: disp | 0, symbol, label });
}

export const m8 = (spec: MemorySpec): MemoryOperand => memory(8, spec);
export const m16 = (spec: MemorySpec): MemoryOperand => memory(16, spec);
export const m32 = (spec: MemorySpec): MemoryOperand => memory(32, spec);
export const m64 = (spec: MemorySpec): MemoryOperand => memory(64, spec);
export const m128 = (spec: MemorySpec): MemoryOperand => memory(128, spec);

export function sym(name: string, addend = 0): SymbolRef {
  if (!fitsBits(addend, 32)) throw new Error(`sym(${name}, ${addend}): addend does not fit in 32 bits`);
  return Object.freeze({ kind: "sym", name, addend: addend | 0 });
}

/** Human-readable operand, for error messages. */
export function describe(operand: Operand): string {
  if (typeof operand === "number") return `0x${operand.toString(16)}`;
  switch (operand.kind) {
    case "sym":
      return operand.addend === 0 ? `sym(${operand.name})` : `sym(${operand.name}, ${operand.addend})`;
    case "label":
      return `label#${operand.id}`;
    case "mem":
      return describeMemory(operand);
    default:
      return operand.name;
  }
}

function describeMemory(m: MemoryOperand): string {
  const parts: string[] = [];
  if (m.base) parts.push(m.base.name);
  if (m.index) parts.push(`${m.index.name}*${m.scale}`);
  if (m.symbol) parts.push(m.symbol);
  if (m.label) parts.push(`label#${m.label.id}`);
  if (m.disp !== 0 || parts.length === 0) parts.push(String(m.disp));
  return `m${m.size}[${parts.join("+")}]`;
}
