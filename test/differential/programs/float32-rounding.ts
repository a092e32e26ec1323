// f32 ceil, floor, trunc, nearest (ties to even), sqrt; NaN results canonicalized.
function canon(x: f32): f32 { return x != x ? reinterpret<f32>(0x7fc00000) : x; }
export function fceil(a: f32): f32 { return canon(ceil<f32>(a)); }
export function ffloor(a: f32): f32 { return canon(floor<f32>(a)); }
export function ftrunc(a: f32): f32 { return canon(trunc<f32>(a)); }
export function fnearest(a: f32): f32 { return canon(nearest<f32>(a)); }
export function fsqrt(a: f32): f32 { return canon(sqrt<f32>(a)); }
// @call fnearest(0.5)
// @call fnearest(1.5)
// @call fnearest(-2.5)
// @call fnearest(3.5)
// @call fnearest(-0.4)
// @call fnearest(8388607.5)
// @call fnearest(NaN)
// @call fnearest(-Infinity)
