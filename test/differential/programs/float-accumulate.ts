// Loops of float arithmetic: every intermediate result rounds the same way on both sides.
export function harmonic(n: i32): f64 {
  let sum = 0.0;
  for (let i = 1; i <= (n & 4095); i++) sum += 1.0 / <f64>i;
  return sum;
}
export function harmonic32(n: i32): f32 {
  let sum: f32 = 0;
  for (let i = 1; i <= (n & 4095); i++) sum += <f32>1 / <f32>i;
  return sum;
}
export function kahan(n: i32, x: f64): f64 {
  let sum = 0.0, c = 0.0;
  for (let i = 0; i < (n & 1023); i++) {
    const y = x * <f64>i - c;
    const t = sum + y;
    c = (t - sum) - y;
    sum = t;
  }
  return sum;
}
export function newtonSqrt(x: f64): f64 {
  if (!(x > 0) || x == Infinity) return 0;
  let r = x;
  for (let i = 0; i < 60; i++) r = 0.5 * (r + x / r);
  return r;
}
// @call harmonic(0)
// @call harmonic(1)
// @call harmonic(1000)
// @call harmonic(4095)
// @call harmonic32(4095)
// @call harmonic32(77)
// @call kahan(1000, 0.1)
// @call kahan(1023, -3.3e-7)
// @call newtonSqrt(2)
// @call newtonSqrt(1e300)
// @call newtonSqrt(5e-324)
// @call newtonSqrt(-1)
