// Conversions inside loops: int ↔ float round trips, saturation, accumulated rounding.
export function roundTrips(seed: i32, n: i32): i64 {
  let acc: i64 = 0;
  let x = seed;
  for (let i = 0; i < (n & 127); i++) {
    x = x * 1103515245 + 12345;
    const f = <f32>x;
    const d = <f64>x / 3.0;
    acc += <i64>f ^ <i64>(d * 7.0) ^ <i64><u32>(<f64><u32>x);
  }
  return acc;
}
export function saturateSweep(start: f64, step: f64): i32 {
  let h = 0;
  let v = start;
  for (let i = 0; i < 40; i++) { h = h * 31 + <i32>v + <i32><u32>v; v = v * step + 1.0; }
  return h;
}
