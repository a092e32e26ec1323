// abs, neg and copysign only touch the sign bit: NaN payloads must survive bit for bit.
export function abs32(a: f32): f32 { return abs<f32>(a); }
export function neg32(a: f32): f32 { return -a; }
export function copysign32(a: f32, b: f32): f32 { return copysign<f32>(a, b); }
export function abs64(a: f64): f64 { return abs<f64>(a); }
export function neg64(a: f64): f64 { return -a; }
export function copysign64(a: f64, b: f64): f64 { return copysign<f64>(a, b); }
