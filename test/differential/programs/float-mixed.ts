// Mixed f32/f64/int expressions: polynomial evaluation, conversions in the middle of arithmetic.
export function horner(x: f64): f64 {
  return ((((0.5 * x - 1.25) * x + 3.0) * x - 0.1) * x + 7.0) * x - 2.0;
}
export function mixed(a: f32, b: f64, c: i32): f64 {
  const t = <f64>a * b + <f64>c;
  return t != t ? 0 : t * 0.5 - <f64>(<f32>t);
}
export function lerp32(a: f32, b: f32, t: f32): f32 {
  const r = a + (b - a) * t;
  return r != r ? 0 : r;
}
