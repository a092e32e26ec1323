// select for every value type, with conditions that are arbitrary i32s (nonzero is true).
export function sel32(a: i32, b: i32, c: i32): i32 { return select<i32>(a, b, c); }
export function sel64(a: i64, b: i64, c: i32): i64 { return select<i64>(a, b, c); }
export function selF32(a: f32, b: f32, c: i32): f32 { return select<f32>(a, b, c); }
export function selF64(a: f64, b: f64, c: i32): f64 { return select<f64>(a, b, c); }
export function branchless(a: i32, b: i32): i32 { return select<i32>(a - b, b - a, a > b); }
