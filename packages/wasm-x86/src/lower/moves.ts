/**
 * Moving a value into fixed registers: block results, return values, instruction operands
 * that x86 pins (div in edx:eax, shift counts in cl).
 *
 * Layer: lowering support. Only `mov`/`xchg`/`movaps`/`lea` are emitted, so the flags survive
 * (br_if moves its result between the compare and the jcc). Other holders of the target
 * registers are evicted first; the returned location's registers are owned by the caller.
 */

import { eax, edx, type Gpr, type Xmm, xmm0 } from "@sawmill/x86";
import { addressOwned } from "../codegen/address.js";
import type { FunctionCompiler } from "../codegen/function-compiler.js";
import type { Entry, Loc } from "../codegen/value-stack.js";
import { loadFloat } from "./float-values.js";
import { loadPair } from "./pairs.js";

/** Puts a popped entry in the canonical result registers (eax, edx:eax or xmm0). */
export function placeInRegisters(fc: FunctionCompiler, value: Entry): Loc {
  if (value.type === "i32") return { kind: "reg", reg: moveToGpr(fc, value, eax) };
  if (value.type === "i64") {
    const [lo, hi] = moveToPair(fc, value, eax, edx);
    return { kind: "pair", lo, hi };
  }
  return { kind: "xmm", reg: moveToXmm(fc, value, xmm0) };
}

/** Puts a popped i32 entry into `reg`, which the caller then owns. */
export function moveToGpr(fc: FunctionCompiler, value: Entry, reg: Gpr): Gpr {
  if (value.loc.kind === "reg" && value.loc.reg === reg) return reg;
  if (!fc.s.owned(value.loc).includes(reg)) fc.s.evict(reg);
  fc.s.loadI32(reg, value);
  fc.s.release(value);
  return fc.s.claim(reg);
}

/** Puts a popped i64 entry into lo:hi. */
export function moveToPair(fc: FunctionCompiler, value: Entry, lo: Gpr, hi: Gpr): [Gpr, Gpr] {
  const { loc } = value;
  if (loc.kind === "pair" && loc.lo === lo && loc.hi === hi) return [lo, hi];
  const mine = fc.s.owned(loc);
  // reserve each target as soon as it is free, so evicting one cannot move a value into the other
  for (const reg of [lo, hi]) {
    if (mine.includes(reg)) continue;
    fc.s.evict(reg);
    fc.s.claim(reg);
  }
  if (loc.kind === "pair") {
    if (loc.lo === hi && loc.hi === lo) {
      fc.a.xchg(lo, hi);
    } else if (loc.lo === hi) {
      fc.a.mov(lo, loc.lo);
      fc.a.mov(hi, loc.hi);
    } else {
      if (loc.hi !== hi) fc.a.mov(hi, loc.hi);
      if (loc.lo !== lo) fc.a.mov(lo, loc.lo);
    }
  } else {
    loadPair(fc, value, lo, hi);
  }
  fc.s.release(value);
  for (const reg of [lo, hi]) if (mine.includes(reg)) fc.s.claim(reg);
  return [lo, hi];
}

/** Puts a popped f32/f64 entry into `reg`. */
export function moveToXmm(fc: FunctionCompiler, value: Entry, reg: Xmm): Xmm {
  if (value.loc.kind === "xmm" && value.loc.reg === reg) return reg;
  fc.s.evict(reg);
  loadFloat(fc, value, reg);
  fc.s.release(value);
  return fc.s.claim(reg);
}

/**
 * Returns the popped entry with its value moved out of `avoid` registers, so that pinning
 * another in-flight operand to one of them cannot clobber it.
 */
export function relocate(fc: FunctionCompiler, value: Entry, avoid: readonly Gpr[]): Entry {
  const { loc } = value;
  if (loc.kind === "reg" && avoid.includes(loc.reg)) {
    const reg = fc.s.allocGpr({ exclude: avoid });
    fc.a.mov(reg, loc.reg);
    fc.s.free(loc.reg);
    return { type: value.type, loc: { kind: "reg", reg } };
  }
  if (loc.kind === "address" && addressOwned(loc).some((r) => avoid.includes(r))) {
    const reg = fc.s.allocGpr({ exclude: avoid });
    fc.s.loadI32(reg, value);
    for (const r of addressOwned(loc)) fc.s.free(r);
    return { type: value.type, loc: { kind: "reg", reg } };
  }
  if (loc.kind === "pair" && (avoid.includes(loc.lo) || avoid.includes(loc.hi))) {
    const moveHalf = (reg: Gpr, other: Gpr): Gpr => {
      if (!avoid.includes(reg)) return reg;
      const fresh = fc.s.allocGpr({ exclude: [...avoid, other] });
      fc.a.mov(fresh, reg);
      fc.s.free(reg);
      return fresh;
    };
    const lo = moveHalf(loc.lo, loc.hi);
    const hi = moveHalf(loc.hi, lo);
    return { type: value.type, loc: { kind: "pair", lo, hi } };
  }
  return value;
}
