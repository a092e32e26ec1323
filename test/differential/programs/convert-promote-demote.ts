// f32.demote_f64 (rounding, overflow to inf, underflow to denormals and zero) and f64.promote_f32.
// A NaN's payload after conversion is nondeterministic in WebAssembly, so NaNs are canonicalized.
function canon32(x: f32): f32 { return x != x ? reinterpret<f32>(0x7fc00000) : x; }
function canon64(x: f64): f64 { return x != x ? reinterpret<f64>(0x7ff8000000000000) : x; }
export function demote(a: f64): f32 { return canon32(<f32>a); }
export function promote(a: f32): f64 { return canon64(<f64>a); }
export function roundTrip(a: f64): f64 { return canon64(<f64><f32>a); }
// @call demote(3.4028235677973366e38)
// @call demote(3.4028235677973362e38)
// @call demote(1.401298464324817e-45)
// @call demote(7.006492321624085e-46)
// @call demote(7.006492321624087e-46)
// @call demote(-1e-50)
// @call demote(1.0000000596046448)
// @call demote(1.0000001788139343)
