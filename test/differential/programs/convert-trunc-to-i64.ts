// Trapping conversions to i64 (i64.trunc_f32/f64_s/u) at ±2^63 and 2^64.
// @flags --disable nontrapping-f2i
export function f64ToI64(a: f64): i64 { return <i64>a; }
export function f64ToU64(a: f64): u64 { return <u64>a; }
export function f32ToI64(a: f32): i64 { return <i64>a; }
export function f32ToU64(a: f32): u64 { return <u64>a; }
