// Trapping f32 → i32 conversions (i32.trunc_f32_s/u): NaN, ±inf and out-of-range values trap.
// @flags --disable nontrapping-f2i
export function truncS(a: f32): i32 { return <i32>a; }
export function truncU(a: f32): u32 { return <u32>a; }
// @call truncS(2147483520)
// @call truncS(2147483648)
// @call truncS(-2147483648)
// @call truncS(-2147483904)
// @call truncS(-0.99)
// @call truncS(NaN)
// @call truncU(4294967040)
// @call truncU(4294967296)
// @call truncU(-0.99)
// @call truncU(-1)
// @call truncU(Infinity)
// @call truncU(1.5)
