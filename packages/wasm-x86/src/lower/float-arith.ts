/**
 * Lowering of f32/f64 constants, arithmetic and sign operations.
 *
 * Layer: per-opcode lowering, scalar SSE/SSE2 (f32 uses the *ss forms, f64 the *sd forms).
 * Semantics kept exact:
 * - the left operand is always the instruction's first source, so when both operands are NaN
 *   the result carries the left one's payload (quieted), as V8 does on x86;
 * - abs, neg and copysign are pure sign-bit operations (NaN payloads survive bit for bit);
 * - min/max return a NaN when either operand is NaN and order -0 below +0; `minsd`/`maxsd`
 *   alone do neither, so equal operands (which include ±0) are merged with or/and of the bits,
 *   and unordered ones give the default NaN.
 */

import type { MemoryOperand, Xmm } from "@sawmill/x86";
import type { FunctionCompiler, Lowering } from "../codegen/function-compiler.js";
import type { Entry } from "../codegen/value-stack.js";
import { defaultNaN, type FloatType, magnitudeMask, signMask } from "./float-constants.js";
import { floatSource, ownedXmm } from "./float-values.js";

type ScalarOp = "add" | "sub" | "mul" | "div" | "min" | "max" | "sqrt";

/** `dst op= src` in the width of `type`. */
export function scalar(
  fc: FunctionCompiler,
  name: ScalarOp,
  type: FloatType,
  dst: Xmm,
  src: Xmm | MemoryOperand,
) {
  const { a } = fc;
  const f32 = type === "f32";
  switch (name) {
    case "add":
      return f32 ? a.addss(dst, src) : a.addsd(dst, src);
    case "sub":
      return f32 ? a.subss(dst, src) : a.subsd(dst, src);
    case "mul":
      return f32 ? a.mulss(dst, src) : a.mulsd(dst, src);
    case "div":
      return f32 ? a.divss(dst, src) : a.divsd(dst, src);
    case "min":
      return f32 ? a.minss(dst, src) : a.minsd(dst, src);
    case "max":
      return f32 ? a.maxss(dst, src) : a.maxsd(dst, src);
    case "sqrt":
      return f32 ? a.sqrtss(dst, src) : a.sqrtsd(dst, src);
  }
}

/** Unordered compare of `lhs` with `rhs` in the width of `type` (ZF, PF, CF as ucomisd). */
export function ucomi(fc: FunctionCompiler, type: FloatType, lhs: Xmm, rhs: Xmm | MemoryOperand): void {
  if (type === "f32") fc.a.ucomiss(lhs, rhs);
  else fc.a.ucomisd(lhs, rhs);
}

const floatType = (entry: Entry): FloatType => entry.type as FloatType;

function pushXmm(fc: FunctionCompiler, type: FloatType, reg: Xmm): number {
  fc.s.push(type, { kind: "xmm", reg });
  return 0;
}

/** `lhs op rhs` computed into the left operand's register. */
function binary(name: ScalarOp): Lowering {
  return (fc) => {
    const rhs = fc.s.pop();
    const lhs = fc.s.pop();
    const dst = ownedXmm(fc, lhs);
    scalar(fc, name, floatType(lhs), dst, floatSource(fc, rhs));
    fc.s.release(rhs);
    return pushXmm(fc, floatType(lhs), dst);
  };
}

/** A one-operand operation computed in place. */
function unary(emit: (fc: FunctionCompiler, type: FloatType, reg: Xmm) => void): Lowering {
  return (fc) => {
    const value = fc.s.pop();
    const reg = ownedXmm(fc, value);
    emit(fc, floatType(value), reg);
    return pushXmm(fc, floatType(value), reg);
  };
}

const sqrt = unary((fc, type, reg) => scalar(fc, "sqrt", type, reg, reg));
const abs = unary((fc, type, reg) => fc.a.andps(reg, magnitudeMask(fc, type)));
const neg = unary((fc, type, reg) => fc.a.xorps(reg, signMask(fc, type)));

/** copysign: the magnitude bits of the left operand with the sign bit of the right one. */
const copysign: Lowering = (fc) => {
  const rhs = fc.s.pop();
  const lhs = fc.s.pop();
  const type = floatType(lhs);
  const dst = ownedXmm(fc, lhs);
  fc.a.andps(dst, magnitudeMask(fc, type));
  if (rhs.loc.kind === "const") {
    const negative = type === "f32" ? (rhs.loc.n | 0) < 0 : BigInt.asIntN(64, rhs.loc.big) < 0n;
    if (negative) fc.a.orps(dst, signMask(fc, type));
  } else {
    const sign = ownedXmm(fc, rhs);
    fc.a.andps(sign, signMask(fc, type));
    fc.a.orps(dst, sign);
    fc.s.free(sign);
  }
  return pushXmm(fc, type, dst);
};

/**
 * min/max with wasm's rules: unordered → the default NaN; equal (including -0 vs +0) → the
 * bitwise or (min: -0 wins) or and (max: +0 wins) of the two; otherwise minsd/maxsd.
 */
function minMax(name: "min" | "max"): Lowering {
  return (fc) => {
    const rhs = fc.s.pop();
    const lhs = fc.s.pop();
    const type = floatType(lhs);
    const dst = ownedXmm(fc, lhs);
    const other = ownedXmm(fc, rhs); // a register: the packed or/and below reads 16 bytes
    const [unordered, ordinary, done] = [fc.a.newLabel(), fc.a.newLabel(), fc.a.newLabel()];
    ucomi(fc, type, dst, other);
    fc.a.jcc("p", unordered);
    fc.a.jcc("ne", ordinary);
    if (name === "min") fc.a.orps(dst, other);
    else fc.a.andps(dst, other);
    fc.a.jmp(done);
    fc.a.bind(unordered);
    if (type === "f32") fc.a.movss(dst, defaultNaN(fc, type));
    else fc.a.movsd(dst, defaultNaN(fc, type));
    fc.a.jmp(done);
    fc.a.bind(ordinary);
    scalar(fc, name, type, dst, other);
    fc.a.bind(done);
    fc.s.free(other);
    return pushXmm(fc, type, dst);
  };
}

function constant(type: FloatType): Lowering {
  return (fc, instr) => {
    if (type === "f32") fc.s.push("f32", { kind: "const", n: instr.i32 | 0, big: BigInt(instr.i32 | 0) });
    else fc.s.push("f64", { kind: "const", n: 0, big: BigInt.asUintN(64, instr.i64) });
    return 0;
  };
}

export const floatArithmeticLowerings: Record<string, Lowering> = {
  "f32.const": constant("f32"),
  "f64.const": constant("f64"),
};

for (const type of ["f32", "f64"] as const) {
  Object.assign(floatArithmeticLowerings, {
    [`${type}.add`]: binary("add"),
    [`${type}.sub`]: binary("sub"),
    [`${type}.mul`]: binary("mul"),
    [`${type}.div`]: binary("div"),
    [`${type}.min`]: minMax("min"),
    [`${type}.max`]: minMax("max"),
    [`${type}.sqrt`]: sqrt,
    [`${type}.abs`]: abs,
    [`${type}.neg`]: neg,
    [`${type}.copysign`]: copysign,
  });
}
