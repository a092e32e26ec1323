/**
 * Lowering of f32/f64 ceil, floor, trunc and nearest without SSE4.1 (v86 has no roundsd).
 *
 * Layer: per-opcode lowering. Method, for |x| below 2^52 (f64) or 2^23 (f32), where a float
 * can still have a fraction:
 *   r = (|x| + 2^52) - 2^52        round-half-to-even of |x| (the default MXCSR rounding)
 *   trunc/floor/ceil: r -= 1.0 where r > |x|             (now r = trunc |x|)
 *   r |= sign of x                  (so -0.3 → -0 and NaN keeps its sign)
 *   floor: r -= 1.0 where r > x;  ceil: r -= -1.0 where r < x
 * Subtracting +0 (mask false) leaves -0 alone, which adding +0 would not. Larger magnitudes
 * and infinities are integers already and pass through unchanged; a NaN fails the range
 * compare and goes through the arithmetic, which quiets it and keeps its payload — the same
 * result roundsd gives.
 */

import type { Xmm } from "@sawmill/x86";
import type { FunctionCompiler, Lowering } from "../codegen/function-compiler.js";
import { scalar, ucomi } from "./float-arith.js";
import {
  type FloatType,
  magnitudeMask,
  oneVector,
  scalarConstant,
  signMask,
  vectorConstant,
} from "./float-constants.js";
import { ownedXmm } from "./float-values.js";

type Mode = "ceil" | "floor" | "trunc" | "nearest";

const LESS_THAN = 1;

/** First float of the type with no fraction bits: 2^23 or 2^52. */
const integralFrom = (type: FloatType): number => (type === "f32" ? 2 ** 23 : 2 ** 52);

function copy(fc: FunctionCompiler, dst: Xmm, src: Xmm): void {
  if (dst !== src) fc.a.movaps(dst, src);
}

/** mask = (lhs < rhs) as all-ones/zero in `mask` (which holds lhs on entry). */
function lessThanMask(fc: FunctionCompiler, type: FloatType, mask: Xmm, rhs: Xmm): void {
  if (type === "f32") fc.a.cmpss(mask, rhs, LESS_THAN);
  else fc.a.cmpsd(mask, rhs, LESS_THAN);
}

/** r -= step where (lhs < rhs); `scratch` is clobbered. */
function stepWhereLess(
  fc: FunctionCompiler,
  type: FloatType,
  r: Xmm,
  lhs: Xmm,
  rhs: Xmm,
  scratch: Xmm,
  step: 1 | -1,
): void {
  copy(fc, scratch, lhs);
  lessThanMask(fc, type, scratch, rhs);
  const stepBits = step === 1 ? oneVector(fc, type) : vectorConstant(fc, type, minusOneBits(type));
  fc.a.andps(scratch, stepBits);
  scalar(fc, "sub", type, r, scratch);
}

const minusOneBits = (type: FloatType): bigint => (type === "f32" ? 0xbf800000n : 0xbff0000000000000n);

function rounding(mode: Mode): Lowering {
  return (fc) => {
    const value = fc.s.pop();
    const type = value.type as FloatType;
    const x = ownedXmm(fc, value);
    const r = fc.s.allocXmm();
    const t = fc.s.allocXmm();
    const done = fc.a.newLabel();
    const big = scalarConstant(fc, type, integralFrom(type));
    copy(fc, r, x);
    fc.a.andps(r, magnitudeMask(fc, type)); // r = |x|
    ucomi(fc, type, r, big);
    fc.a.jcc("ae", done); // |x| >= 2^52 or infinite: already integral (NaN is unordered: CF=1)
    copy(fc, t, r); // t = |x|
    scalar(fc, "add", type, r, big);
    scalar(fc, "sub", type, r, big); // r = nearest(|x|)
    if (mode !== "nearest") stepWhereLess(fc, type, r, t, r, t, 1); // r = trunc(|x|)
    copy(fc, t, x);
    fc.a.andps(t, signMask(fc, type));
    fc.a.orps(r, t); // r = ±r with the sign of x
    if (mode === "floor") stepWhereLess(fc, type, r, x, r, t, 1);
    if (mode === "ceil") stepWhereLess(fc, type, r, r, x, t, -1);
    copy(fc, x, r);
    fc.a.bind(done);
    fc.s.free(r);
    fc.s.free(t);
    fc.s.push(type, { kind: "xmm", reg: x });
    return 0;
  };
}

export const floatRoundingLowerings: Record<string, Lowering> = {};

for (const type of ["f32", "f64"] as const) {
  for (const mode of ["ceil", "floor", "trunc", "nearest"] as const) {
    floatRoundingLowerings[`${type}.${mode}`] = rounding(mode);
  }
}
