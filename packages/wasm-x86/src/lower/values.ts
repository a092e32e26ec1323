/**
 * Operand helpers shared by the lowering families: turn value-stack entries into x86 operands.
 *
 * Layer: lowering support, above `ValueStack`. Conventions: `owned*` results are registers the
 * caller now owns (push them as a result or release them); `source32` may hand back a local's
 * home register or a memory operand, which the caller must only read.
 */

import { eax, edx, GPR8, GPR16, type Gpr, type MemoryOperand, m32, type Xmm, xmm0 } from "@sawmill/x86";
import { addressOwned } from "../codegen/address.js";
import type { FunctionCompiler } from "../codegen/function-compiler.js";
import type { Entry } from "../codegen/value-stack.js";
import { op } from "../decoder/opcodes.js";
import type { ValType } from "../types.js";

/** The home register of local `index`, or null if it lives in memory. */
export function homeReg(fc: FunctionCompiler, index: number): Gpr | null {
  const home = fc.frame.homes[index];
  return home.kind === "reg" ? home.reg : null;
}

/** An i32 entry's value in a register the caller owns (reusing the entry's own register). */
export function ownedReg(fc: FunctionCompiler, entry: Entry, exclude: readonly Gpr[] = []): Gpr {
  const { loc } = entry;
  if (loc.kind === "reg" && !exclude.includes(loc.reg)) return loc.reg;
  if (loc.kind === "address") {
    const [reuse, ...others] = addressOwned(loc).filter((r) => !exclude.includes(r));
    if (reuse) {
      fc.s.loadI32(reuse, entry);
      for (const r of [...others, ...addressOwned(loc).filter((r) => exclude.includes(r))]) fc.s.free(r);
      return reuse;
    }
  }
  const byte = loc.kind === "cond";
  const reg = fc.s.allocGpr({ byte, exclude });
  fc.s.loadI32(reg, entry);
  fc.s.release(entry);
  return reg;
}

/** A readable i32 operand: immediate, register (possibly a local's home) or memory. */
export function source32(fc: FunctionCompiler, entry: Entry): Gpr | MemoryOperand | number {
  const { loc } = entry;
  switch (loc.kind) {
    case "const":
      return loc.n;
    case "reg":
      return loc.reg;
    case "local":
      return homeReg(fc, loc.index) ?? fc.s.memoryOf(entry);
    case "slot":
      return fc.s.memoryOf(entry);
    default:
      return ownedReg(fc, entry);
  }
}

/** Like source32 but never an immediate (for imul, cmov, test, ...). */
export function readable32(fc: FunctionCompiler, entry: Entry): Gpr | MemoryOperand {
  const src = source32(fc, entry);
  return typeof src === "number" ? ownedReg(fc, entry) : src;
}

/** A register holding the i32 value, without copying a local's home register. */
export function anyReg(fc: FunctionCompiler, entry: Entry): Gpr {
  const src = source32(fc, entry);
  return typeof src === "object" && src.kind === "gpr" ? src : ownedReg(fc, entry);
}

export const is16 = (reg: Gpr): Gpr => GPR16[reg.code];

/** The 8-bit form of a register, or null for esi/edi/ebp/esp. */
export const byteOf = (reg: Gpr): Gpr | null => (reg.code < 4 ? GPR8[reg.code] : null);

/** A 32-bit memory operand `half` bytes into `mem`. */
export function offsetMemory(mem: MemoryOperand, half: number): MemoryOperand {
  const { base, index, scale, disp, symbol, label } = mem;
  return m32({
    base: base ?? undefined,
    index: index ?? undefined,
    scale,
    disp: disp + half,
    symbol: symbol ?? undefined,
    label: label ?? undefined,
  });
}

export function isConst(entry: Entry): entry is Entry & { loc: { kind: "const"; n: number; big: bigint } } {
  return entry.loc.kind === "const";
}

const CONDITION_CONSUMERS = new Set([op("br_if"), op("if"), op("select"), op("i32.eqz")]);

const ARM_ENDS = new Set([op("else"), op("end")]);

/**
 * Whether the next instruction takes an i32 as a truth value (so flags can stay flags):
 * br_if/if/select/eqz, or the end of an arm of a condition block.
 */
export function nextTakesCondition(fc: FunctionCompiler): boolean {
  const next = fc.peek();
  if (next === null) return false;
  if (ARM_ENDS.has(next.op)) return fc.blocks[fc.blocks.length - 1]?.condition != null;
  return CONDITION_CONSUMERS.has(next.op);
}

/** Canonical registers of a block result (the same as the cdecl return registers). */
export function resultRegisters(type: ValType): (Gpr | Xmm)[] {
  if (type === "i32") return [eax];
  if (type === "i64") return [eax, edx];
  return [xmm0];
}

/** Frees registers an operand helper may have allocated (local homes are never busy, so
 * freeing one is harmless). Call after the popped entries were released. */
export function freeOperands(fc: FunctionCompiler, ...operands: (Gpr | MemoryOperand | number)[]): void {
  for (const operand of operands)
    if (typeof operand === "object" && operand.kind === "gpr") fc.s.free(operand);
}
