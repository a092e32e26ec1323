/**
 * Lowering of the conversions between floats and integers, f32 <-> f64, and the
 * reinterpretations.
 *
 * Layer: per-opcode lowering. Exactness:
 * - float → i32 uses cvttss2si/cvttsd2si, whose "integer indefinite" 0x80000000 result
 *   triggers a check of the source: it is a genuine INT_MIN only for x in (-2^31-1, -2^31];
 *   anything else there traps (InvalidConversion) or, for the _sat forms, saturates (NaN → 0).
 *   Unsigned: x >= 2^31 is converted as x - 2^31 (exact) with the top bit added back.
 * - u32 → f64 is exact (cvtsi2sd, plus 2^32 when the top bit was set); u32 → f32 rounds that
 *   exact double once.
 * - Everything with an i64 side runs in out-of-line helpers (`codegen/float-helpers.ts`).
 * - Reinterpretations move bits (movd, psrlq, unpcklps or plain loads), never arithmetic, so
 *   NaN payloads are preserved.
 */

import type { Gpr, Label, MemoryOperand, Xmm } from "@sawmill/x86";
import type { FunctionCompiler, Lowering } from "../codegen/function-compiler.js";
import type { HelperName } from "../codegen/helpers.js";
import { TrapKind, type ValType } from "../types.js";
import { callRoutine } from "./calls.js";
import { scalar, ucomi } from "./float-arith.js";
import { type FloatType, scalarConstant } from "./float-constants.js";
import { ownedXmm } from "./float-values.js";
import { freeOperands, readable32 } from "./values.js";

const INT_MIN = 0x80000000 | 0;

function cvtt(fc: FunctionCompiler, type: FloatType, dst: Gpr, src: Xmm): void {
  if (type === "f32") fc.a.cvttss2si(dst, src);
  else fc.a.cvttsd2si(dst, src);
}

interface Truncation {
  readonly fc: FunctionCompiler;
  readonly type: FloatType;
  readonly x: Xmm;
  readonly r: Gpr;
  readonly done: Label;
}

/** Signed: after cvtt gave INT_MIN, decide between a true INT_MIN and an invalid input. */
function signedOverflow({ fc, type, x, r, done }: Truncation, saturate: boolean): void {
  const zero = scalarConstant(fc, type, 0);
  if (saturate) {
    const nan = fc.a.newLabel();
    ucomi(fc, type, x, zero);
    fc.a.jcc("p", nan);
    fc.a.jcc("b", done); // negative: INT_MIN is the saturated value
    fc.a.mov(r, 0x7fffffff);
    fc.a.jmp(done);
    fc.a.bind(nan);
    fc.a.mov(r, 0);
    return;
  }
  const invalid = fc.ctx.trap(TrapKind.InvalidConversion);
  // f64 holds -2^31-1 exactly (x must be above it); f32's next value below -2^31 is far lower
  ucomi(fc, type, x, scalarConstant(fc, type, type === "f64" ? -2147483649 : -2147483648));
  fc.a.jcc(type === "f64" ? "be" : "b", invalid); // also taken for NaN (CF=1)
  ucomi(fc, type, x, zero);
  fc.a.jcc("ae", invalid); // x >= 2^31
}

function truncSigned(t: Truncation, saturate: boolean): void {
  const { fc, type, x, r, done } = t;
  cvtt(fc, type, r, x);
  fc.a.cmp(r, INT_MIN);
  fc.a.jcc("ne", done);
  signedOverflow(t, saturate);
}

/** Unsigned: [0, 2^31) converts directly; [2^31, 2^32) as x - 2^31 with the top bit set. */
function truncUnsigned({ fc, type, x, r, done }: Truncation, saturate: boolean): void {
  const invalid = () => fc.ctx.trap(TrapKind.InvalidConversion);
  const twoTo31 = scalarConstant(fc, type, 2 ** 31);
  const high = fc.a.newLabel();
  ucomi(fc, type, x, twoTo31);
  fc.a.jcc("ae", high);
  cvtt(fc, type, r, x); // x < 2^31 or NaN: negative r means x <= -1, NaN or far below
  fc.a.test(r, r);
  if (saturate) {
    fc.a.jcc("ns", done);
    fc.a.mov(r, 0);
  } else {
    fc.a.jcc("s", invalid());
  }
  fc.a.jmp(done);
  fc.a.bind(high);
  scalar(fc, "sub", type, x, twoTo31);
  cvtt(fc, type, r, x);
  fc.a.test(r, r);
  if (saturate) {
    const max = fc.a.newLabel();
    fc.a.jcc("s", max); // x - 2^31 >= 2^31
    fc.a.xor(r, INT_MIN);
    fc.a.jmp(done);
    fc.a.bind(max);
    fc.a.mov(r, -1);
  } else {
    fc.a.jcc("s", invalid());
    fc.a.xor(r, INT_MIN);
  }
}

function truncToI32(signed: boolean, saturate: boolean): Lowering {
  return (fc) => {
    const value = fc.s.pop();
    const x = ownedXmm(fc, value);
    const r = fc.s.allocGpr();
    const t: Truncation = { fc, type: value.type as FloatType, x, r, done: fc.a.newLabel() };
    if (signed) truncSigned(t, saturate);
    else truncUnsigned(t, saturate);
    fc.a.bind(t.done);
    fc.s.free(x);
    fc.s.push("i32", { kind: "reg", reg: r });
    return 0;
  };
}

/** float → i64 through a helper taking an f64 (an f32 is widened first: exact). */
function truncToI64(helper: HelperName): Lowering {
  return (fc) => {
    let value = fc.s.pop();
    if (value.type === "f32") {
      const x = ownedXmm(fc, value);
      fc.a.cvtss2sd(x, x);
      value = { type: "f64", loc: { kind: "xmm", reg: x } };
    }
    callRoutine(fc, fc.ctx.helper(helper), [value], "i64");
    return 0;
  };
}

function cvtsi(fc: FunctionCompiler, type: FloatType, dst: Xmm, src: Gpr | MemoryOperand): void {
  if (type === "f32") fc.a.cvtsi2ss(dst, src);
  else fc.a.cvtsi2sd(dst, src);
}

function convertI32(type: FloatType, signed: boolean): Lowering {
  return (fc) => {
    const value = fc.s.pop();
    const src = readable32(fc, value);
    const x = fc.s.allocXmm();
    if (signed) {
      cvtsi(fc, type, x, src);
    } else {
      const done = fc.a.newLabel();
      fc.a.cvtsi2sd(x, src);
      if (src.kind === "gpr") fc.a.test(src, src);
      else fc.a.cmp(src, 0);
      fc.a.jcc("ns", done);
      fc.a.addsd(x, scalarConstant(fc, "f64", 2 ** 32));
      fc.a.bind(done);
      if (type === "f32") fc.a.cvtsd2ss(x, x);
    }
    fc.s.release(value);
    freeOperands(fc, src);
    fc.s.push(type, { kind: "xmm", reg: x });
    return 0;
  };
}

function convertI64(helper: HelperName, result: ValType): Lowering {
  return (fc) => {
    callRoutine(fc, fc.ctx.helper(helper), [fc.s.pop()], result);
    return 0;
  };
}

function changeWidth(to: FloatType): Lowering {
  return (fc) => {
    const x = ownedXmm(fc, fc.s.pop());
    if (to === "f32") fc.a.cvtsd2ss(x, x);
    else fc.a.cvtss2sd(x, x);
    fc.s.push(to, { kind: "xmm", reg: x });
    return 0;
  };
}

const i32FromF32: Lowering = (fc) => {
  const value = fc.s.pop();
  const { loc } = value;
  if (loc.kind === "const") {
    const n = loc.n | 0; // f32 constants of immutable globals carry unsigned bits
    fc.s.push("i32", { kind: "const", n, big: BigInt(n) });
    return 0;
  }
  const r = fc.s.allocGpr();
  if (loc.kind === "xmm") fc.a.movd(r, loc.reg);
  else fc.a.mov(r, fc.s.memoryOf(value));
  fc.s.release(value);
  fc.s.push("i32", { kind: "reg", reg: r });
  return 0;
};

const f32FromI32: Lowering = (fc) => {
  const value = fc.s.pop();
  const { loc } = value;
  if (loc.kind === "const") {
    fc.s.push("f32", { kind: "const", n: loc.n, big: BigInt(loc.n) });
    return 0;
  }
  const src = readable32(fc, value);
  const x = fc.s.allocXmm();
  fc.a.movd(x, src);
  fc.s.release(value);
  freeOperands(fc, src);
  fc.s.push("f32", { kind: "xmm", reg: x });
  return 0;
};

const i64FromF64: Lowering = (fc) => {
  const value = fc.s.pop();
  const { loc } = value;
  if (loc.kind === "const") {
    const big = BigInt.asIntN(64, loc.big);
    fc.s.push("i64", { kind: "const", n: Number(BigInt.asIntN(32, big)), big });
    return 0;
  }
  const lo = fc.s.allocGpr();
  const hi = fc.s.allocGpr();
  if (loc.kind === "xmm") {
    fc.a.movd(lo, loc.reg);
    fc.a.psrlq(loc.reg, 32);
    fc.a.movd(hi, loc.reg);
  } else {
    fc.a.mov(lo, fc.s.memoryOf(value, 0));
    fc.a.mov(hi, fc.s.memoryOf(value, 4));
  }
  fc.s.release(value);
  fc.s.push("i64", { kind: "pair", lo, hi });
  return 0;
};

const f64FromI64: Lowering = (fc) => {
  const value = fc.s.pop();
  const { loc } = value;
  if (loc.kind === "const") {
    fc.s.push("f64", { kind: "const", n: 0, big: BigInt.asUintN(64, loc.big) });
    return 0;
  }
  const x = fc.s.allocXmm();
  if (loc.kind === "pair") {
    const high = fc.s.allocXmm();
    fc.a.movd(x, loc.lo);
    fc.a.movd(high, loc.hi);
    fc.a.unpcklps(x, high);
    fc.s.free(high);
  } else {
    fc.a.movsd(x, fc.s.memoryOf(value, 0, true));
  }
  fc.s.release(value);
  fc.s.push("f64", { kind: "xmm", reg: x });
  return 0;
};

export const floatConversionLowerings: Record<string, Lowering> = {
  "i32.trunc_f32_s": truncToI32(true, false),
  "i32.trunc_f32_u": truncToI32(false, false),
  "i32.trunc_f64_s": truncToI32(true, false),
  "i32.trunc_f64_u": truncToI32(false, false),
  "i32.trunc_sat_f32_s": truncToI32(true, true),
  "i32.trunc_sat_f32_u": truncToI32(false, true),
  "i32.trunc_sat_f64_s": truncToI32(true, true),
  "i32.trunc_sat_f64_u": truncToI32(false, true),
  "i64.trunc_f32_s": truncToI64("f64ToI64"),
  "i64.trunc_f32_u": truncToI64("f64ToU64"),
  "i64.trunc_f64_s": truncToI64("f64ToI64"),
  "i64.trunc_f64_u": truncToI64("f64ToU64"),
  "i64.trunc_sat_f32_s": truncToI64("f64ToI64Sat"),
  "i64.trunc_sat_f32_u": truncToI64("f64ToU64Sat"),
  "i64.trunc_sat_f64_s": truncToI64("f64ToI64Sat"),
  "i64.trunc_sat_f64_u": truncToI64("f64ToU64Sat"),
  "f32.convert_i32_s": convertI32("f32", true),
  "f32.convert_i32_u": convertI32("f32", false),
  "f64.convert_i32_s": convertI32("f64", true),
  "f64.convert_i32_u": convertI32("f64", false),
  "f32.convert_i64_s": convertI64("i64ToF32", "f32"),
  "f32.convert_i64_u": convertI64("u64ToF32", "f32"),
  "f64.convert_i64_s": convertI64("i64ToF64", "f64"),
  "f64.convert_i64_u": convertI64("u64ToF64", "f64"),
  "f32.demote_f64": changeWidth("f32"),
  "f64.promote_f32": changeWidth("f64"),
  "i32.reinterpret_f32": i32FromF32,
  "f32.reinterpret_i32": f32FromI32,
  "i64.reinterpret_f64": i64FromF64,
  "f64.reinterpret_i64": f64FromI64,
};
