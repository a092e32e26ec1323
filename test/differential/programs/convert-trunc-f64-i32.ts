// Trapping f64 → i32 conversions at the exact boundaries (2147483647.5, -2147483648.9, 4294967296).
// @flags --disable nontrapping-f2i
export function truncS(a: f64): i32 { return <i32>a; }
export function truncU(a: f64): u32 { return <u32>a; }
// @call truncS(2147483647.5)
// @call truncS(2147483647.9999998)
// @call truncS(2147483648)
// @call truncS(-2147483648.9)
// @call truncS(-2147483649)
// @call truncS(-0)
// @call truncS(NaN)
// @call truncS(-Infinity)
// @call truncU(4294967295.9)
// @call truncU(4294967296)
// @call truncU(-0.9)
// @call truncU(-1)
// @call truncU(2147483648.5)
// @call truncU(0xfff8000000000000n)
