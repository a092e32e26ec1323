// Saturating float → int conversions (the default with nontrapping-f2i): NaN → 0, clamp at the ends.
export function f32ToI32(a: f32): i32 { return <i32>a; }
export function f32ToU32(a: f32): u32 { return <u32>a; }
export function f64ToI32(a: f64): i32 { return <i32>a; }
export function f64ToU32(a: f64): u32 { return <u32>a; }
export function f32ToI64(a: f32): i64 { return <i64>a; }
export function f32ToU64(a: f32): u64 { return <u64>a; }
export function f64ToI64(a: f64): i64 { return <i64>a; }
export function f64ToU64(a: f64): u64 { return <u64>a; }
