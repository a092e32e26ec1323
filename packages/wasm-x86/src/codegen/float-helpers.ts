/**
 * Out-of-line routines for the conversions between floats and 64-bit integers, which IA-32
 * SSE2 has no instructions for (cvttsd2si and cvtsi2sd stop at 32 bits).
 *
 * Layer: codegen, module level; emitted by `helpers.ts` once per object when used. All are
 * cdecl and clobber only eax, ecx, edx, xmm0, xmm1 and the flags:
 * - f64ToI64 / f64ToU64 (x: f64) → edx:eax, trapping (InvalidConversion) on NaN and out of
 *   range; the *Sat forms saturate instead (NaN → 0). They work on the bits: exponent e,
 *   53-bit significand m, result m shifted by e - 1075, then the sign applied.
 * - i64ToF64 / u64ToF64 (v: i64) → xmm0: hi·2^32 (exact) + lo (exact), so the one rounding
 *   is the final addsd — correctly rounded.
 * - i64ToF32 / u64ToF32 (v: i64) → xmm0: a value of 2^53 or more first has its low 11 bits
 *   folded into a sticky bit (round to odd at bit 11), which makes it exact as a double
 *   without changing how it rounds to 24 bits; then the double is rounded once to f32.
 * Constants live in text right after the routine that reads them.
 */

import {
  cl,
  eax,
  ecx,
  edx,
  esp,
  type Gpr,
  type Label,
  type MemoryOperand,
  m32,
  m64,
  type Xmm,
  xmm0,
  xmm1,
} from "@sawmill/x86";
import { TrapKind } from "../types.js";
import type { HelperEnvironment } from "./helpers.js";

export type FloatHelperName =
  | "f64ToI64"
  | "f64ToU64"
  | "f64ToI64Sat"
  | "f64ToU64Sat"
  | "i64ToF64"
  | "u64ToF64"
  | "i64ToF32"
  | "u64ToF32";

const BIAS = 1023;
/** Exponent field of 2^52: the significand shifted left by e - UNIT_EXPONENT is the value. */
const UNIT_EXPONENT = BIAS + 52;
const ARGUMENT_LO = m32({ base: esp, disp: 4 });
const ARGUMENT_HI = m32({ base: esp, disp: 8 });

/** f64 → i64/u64 by the bits; see the header. */
function truncate(env: HelperEnvironment, signed: boolean, saturate: boolean): void {
  const { a } = env;
  const [zero, tooBig] = [a.newLabel(), a.newLabel()];
  a.mov(eax, ARGUMENT_LO);
  a.mov(edx, ARGUMENT_HI);
  a.mov(ecx, edx);
  a.shr(ecx, 20);
  a.and(ecx, 0x7ff);
  a.cmp(ecx, BIAS);
  a.jcc("b", zero); // |x| < 1 (zeros and subnormals too)
  if (!signed) {
    a.test(edx, edx);
    a.jcc("s", saturate ? zero : env.trap(TrapKind.InvalidConversion)); // x <= -1 (or -NaN)
  }
  a.cmp(ecx, BIAS + (signed ? 63 : 64));
  a.jcc("ae", tooBig); // |x| >= 2^63 (2^64 unsigned), infinities, NaN
  shiftSignificand(env);
  if (signed) {
    const positive = a.newLabel();
    a.cmp(ARGUMENT_HI, 0);
    a.jcc("ge", positive);
    a.neg(eax);
    a.adc(edx, 0);
    a.neg(edx);
    a.bind(positive);
  }
  a.ret();
  a.bind(zero);
  a.mov(eax, 0);
  a.mov(edx, 0);
  a.ret();
  a.bind(tooBig);
  outOfRange(env, signed, saturate, zero);
}

/** edx:eax = |x| truncated, from its bits in edx:eax and its exponent field in ecx (which
 * the caller checked is in [BIAS, BIAS + 64)). */
function shiftSignificand(env: HelperEnvironment): void {
  const { a } = env;
  const [right, narrow, done] = [a.newLabel(), a.newLabel(), a.newLabel()];
  a.and(edx, 0xfffff);
  a.or(edx, 0x100000); // edx:eax = significand with its implicit 1
  a.sub(ecx, UNIT_EXPONENT);
  a.jcc("l", right);
  a.shld(edx, eax, cl);
  a.shl(eax, cl);
  a.jmp(done);
  a.bind(right);
  a.neg(ecx);
  a.cmp(ecx, 32);
  a.jcc("b", narrow);
  a.mov(eax, edx);
  a.mov(edx, 0);
  a.shr(eax, cl); // the count is taken mod 32: shifts by ecx - 32
  a.jmp(done);
  a.bind(narrow);
  a.shrd(eax, edx, cl);
  a.shr(edx, cl);
  a.bind(done);
}

/** edx:eax = the bits of an x with |x| >= 2^63 (2^64), infinite or NaN; ecx = its exponent. */
function outOfRange(env: HelperEnvironment, signed: boolean, saturate: boolean, zero: Label): void {
  const { a } = env;
  if (!saturate) {
    const invalid = env.trap(TrapKind.InvalidConversion);
    if (signed) {
      // -2^63 itself is representable
      a.cmp(edx, 0xc3e00000 | 0);
      a.jcc("ne", invalid);
      a.test(eax, eax);
      a.jcc("ne", invalid);
      a.mov(edx, 0x80000000 | 0);
      a.ret();
    } else {
      a.jmp(invalid);
    }
    return;
  }
  const clamp = a.newLabel();
  a.cmp(ecx, 0x7ff);
  a.jcc("ne", clamp);
  a.mov(ecx, edx);
  a.and(ecx, 0xfffff);
  a.or(ecx, eax);
  a.jcc("ne", zero); // NaN
  a.bind(clamp);
  if (!signed) {
    a.mov(eax, -1);
    a.mov(edx, -1);
    a.ret();
    return;
  }
  const negative = a.newLabel();
  a.test(edx, edx);
  a.jcc("s", negative);
  a.mov(eax, -1);
  a.mov(edx, 0x7fffffff);
  a.ret();
  a.bind(negative);
  a.mov(eax, 0);
  a.mov(edx, 0x80000000 | 0);
  a.ret();
}

/** xmm0 = edx:eax as a double, rounded once; `twoTo32` labels the constant 2^32. */
function toDouble(env: HelperEnvironment, signed: boolean, twoTo32: Label): void {
  const { a } = env;
  const constant = m64({ label: twoTo32 });
  a.cvtsi2sd(xmm0, edx);
  if (!signed) addTwoTo32IfNegative(env, edx, xmm0, constant);
  a.mulsd(xmm0, constant);
  a.cvtsi2sd(xmm1, eax);
  addTwoTo32IfNegative(env, eax, xmm1, constant);
  a.addsd(xmm0, xmm1);
}

/** Turns a signed reading of a 32-bit value into the unsigned one. */
function addTwoTo32IfNegative(env: HelperEnvironment, reg: Gpr, x: Xmm, constant: MemoryOperand): void {
  const { a } = env;
  const done = a.newLabel();
  a.test(reg, reg);
  a.jcc("ns", done);
  a.addsd(x, constant);
  a.bind(done);
}

/** i64/u64 → f64 or f32; see the header for the f32 sticky bit. */
function convert(env: HelperEnvironment, signed: boolean, single: boolean): void {
  const { a } = env;
  const twoTo32 = a.newLabel();
  a.mov(eax, ARGUMENT_LO);
  a.mov(edx, ARGUMENT_HI);
  if (single) foldStickyBits(env, signed);
  toDouble(env, signed, twoTo32);
  if (single) a.cvtsd2ss(xmm0, xmm0);
  a.ret();
  a.align(8);
  a.bind(twoTo32);
  a.dq(0x41f0000000000000n);
}

/** For |v| >= 2^53: eax bit 11 |= (low 11 bits != 0), low 11 bits cleared. */
function foldStickyBits(env: HelperEnvironment, signed: boolean): void {
  const { a } = env;
  const exact = a.newLabel();
  if (signed) {
    a.mov(ecx, edx);
    a.add(ecx, 0x200000);
    a.cmp(ecx, 0x400000);
  } else {
    a.cmp(edx, 0x200000);
  }
  a.jcc("b", exact); // -2^53 <= v < 2^53 (unsigned: v < 2^53) converts exactly already
  a.mov(ecx, eax);
  a.and(ecx, 0x7ff);
  a.add(ecx, 0x7ff);
  a.or(eax, ecx);
  a.and(eax, ~0x7ff);
  a.bind(exact);
}

const EMITTERS: Record<FloatHelperName, (env: HelperEnvironment) => void> = {
  f64ToI64: (env) => truncate(env, true, false),
  f64ToU64: (env) => truncate(env, false, false),
  f64ToI64Sat: (env) => truncate(env, true, true),
  f64ToU64Sat: (env) => truncate(env, false, true),
  i64ToF64: (env) => convert(env, true, false),
  u64ToF64: (env) => convert(env, false, false),
  i64ToF32: (env) => convert(env, true, true),
  u64ToF32: (env) => convert(env, false, true),
};

const FLOAT_HELPERS: ReadonlySet<string> = new Set(Object.keys(EMITTERS));

export const isFloatHelper = (name: string): name is FloatHelperName => FLOAT_HELPERS.has(name);

/** Emits helper `name` at the current text position (its label is already bound). */
export function emitFloatHelper(env: HelperEnvironment, name: FloatHelperName): void {
  EMITTERS[name](env);
}
