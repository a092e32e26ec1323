// Calls with many parameters of mixed types (internal calls and exports alike).
function inner(a: i32, b: i64, c: f32, d: f64, e: i32, f: i64, g: f32, h: f64, i: i32, j: i64): f64 {
  return <f64>a + <f64>b * 2 + <f64>c * 3 + d * 4 + <f64>e * 5 + <f64>f * 6 + <f64>g * 7 + h * 8 + <f64>i * 9 + <f64>j * 10;
}
export function outer(a: i32, b: i64, c: f32, d: f64): f64 {
  const r = inner(a, b, c, d, a + 1, b - 1, c * 2, d / 2, a ^ 5, b << 1);
  return r != r ? 0 : r;
}
export function chain(x: i32): i32 {
  return <i32>inner(x, <i64>x, <f32>x, <f64>x, 1, 2, 3, 4, 5, 6) & 0xffff;
}
