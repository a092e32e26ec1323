/**
 * Lowering of local.get/set/tee and global.get/set.
 *
 * Layer: per-opcode lowering. `local.get` pushes a lazy reference (no code); `local.set`
 * first makes every lazy reference to the old value concrete (`ValueStack.detachLocal`),
 * then writes the home. Immutable globals with constant initialisers fold to constants;
 * the others live in the object's data section under a module-local symbol.
 */

import { type Gpr, type MemoryOperand, m32, m64 } from "@sawmill/x86";
import type { FunctionCompiler, Lowering } from "../codegen/function-compiler.js";
import type { Entry } from "../codegen/value-stack.js";
import type { ValType } from "../types.js";
import { floatSource, ownedXmm } from "./float-values.js";
import { halves } from "./pairs.js";
import { freeOperands, homeReg, source32 } from "./values.js";

/** Stores a popped value into memory operand `dst` (32-bit form; wide types use dst+4 too). */
export function storeValue(
  fc: FunctionCompiler,
  value: Entry,
  dst: (half: number, wide?: boolean) => MemoryOperand,
): void {
  const type: ValType = value.type;
  if (type === "i32") {
    let src = source32(fc, value);
    if (typeof src === "object" && src.kind === "mem") src = scratchCopy(fc, src);
    fc.a.mov(dst(0), src);
    freeOperands(fc, src);
  } else if (type === "i64") {
    const parts = halves(fc, value);
    for (const [k, part] of parts.entries()) {
      const src = typeof part === "object" && part.kind === "mem" ? scratchCopy(fc, part) : part;
      fc.a.mov(dst(4 * k), src);
      if (src !== part) freeOperands(fc, src);
    }
  } else {
    const src = floatSource(fc, value);
    const reg = src.kind === "xmm" ? src : ownedXmm(fc, value);
    if (type === "f32") fc.a.movss(dst(0), reg);
    else fc.a.movsd(dst(0, true), reg);
    if (reg !== src) fc.s.free(reg);
  }
  fc.s.release(value);
}

function scratchCopy(fc: FunctionCompiler, src: MemoryOperand): Gpr {
  const reg = fc.s.allocGpr();
  fc.a.mov(reg, src);
  return reg;
}

function setLocal(fc: FunctionCompiler, index: number): void {
  const value = fc.s.pop();
  fc.s.detachLocal(index); // entries below still reading the old value
  const home = homeReg(fc, index);
  if (value.loc.kind === "local" && value.loc.index === index) return;
  if (home) {
    fc.s.loadI32(home, value); // a lazy `home + c` reads home before writing it
    fc.s.release(value);
    return;
  }
  storeValue(fc, value, (half, wide) => fc.frame.localMemory(index, half, wide));
}

const localGet: Lowering = (fc, instr) => {
  fc.s.push(fc.frame.localType(instr.index), { kind: "local", index: instr.index });
  return 0;
};

const localSet: Lowering = (fc, instr) => {
  setLocal(fc, instr.index);
  return 0;
};

const localTee: Lowering = (fc, instr) => {
  setLocal(fc, instr.index);
  localGet(fc, instr);
  return 0;
};

function globalMemory(symbol: string, half: number, wide = false): MemoryOperand {
  return wide ? m64({ symbol, disp: half }) : m32({ symbol, disp: half });
}

const globalGet: Lowering = (fc, instr) => {
  const g = fc.ctx.global(instr.index);
  if (!g.mutable && g.init.kind !== "global.get") {
    const init = g.init;
    const n = init.kind === "i32" ? init.value : init.kind === "f32" ? init.bits : 0;
    const big = init.kind === "i64" ? init.value : init.kind === "f64" ? init.bits : BigInt(n);
    fc.s.push(g.type, { kind: "const", n, big });
    return 0;
  }
  if (g.type === "i32") {
    const reg = fc.s.allocGpr();
    fc.a.mov(reg, globalMemory(g.symbol, 0));
    fc.s.push("i32", { kind: "reg", reg });
  } else if (g.type === "i64") {
    const lo = fc.s.allocGpr();
    const hi = fc.s.allocGpr();
    fc.a.mov(lo, globalMemory(g.symbol, 0));
    fc.a.mov(hi, globalMemory(g.symbol, 4));
    fc.s.push("i64", { kind: "pair", lo, hi });
  } else {
    const reg = fc.s.allocXmm();
    if (g.type === "f32") fc.a.movss(reg, globalMemory(g.symbol, 0));
    else fc.a.movsd(reg, globalMemory(g.symbol, 0, true));
    fc.s.push(g.type, { kind: "xmm", reg });
  }
  return 0;
};

const globalSet: Lowering = (fc, instr) => {
  const g = fc.ctx.global(instr.index);
  storeValue(fc, fc.s.pop(), (half, wide) => globalMemory(g.symbol, half, wide));
  return 0;
};

export const variableLowerings: Record<string, Lowering> = {
  "local.get": localGet,
  "local.set": localSet,
  "local.tee": localTee,
  "global.get": globalGet,
  "global.set": globalSet,
};
