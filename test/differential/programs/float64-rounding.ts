// f64 ceil, floor, trunc, nearest (ties to even), sqrt; NaN results canonicalized.
function canon(x: f64): f64 { return x != x ? reinterpret<f64>(0x7ff8000000000000) : x; }
export function fceil(a: f64): f64 { return canon(ceil<f64>(a)); }
export function ffloor(a: f64): f64 { return canon(floor<f64>(a)); }
export function ftrunc(a: f64): f64 { return canon(trunc<f64>(a)); }
export function fnearest(a: f64): f64 { return canon(nearest<f64>(a)); }
export function fsqrt(a: f64): f64 { return canon(sqrt<f64>(a)); }
// @call fnearest(0.5)
// @call fnearest(2.5)
// @call fnearest(-3.5)
// @call fnearest(-0.5)
// @call fnearest(4503599627370495.5)
// @call fnearest(-0)
// @call fnearest(NaN)
// @call fnearest(Infinity)
