// Every f64 comparison in one bit mask, negated forms included (NaN handling of each).
export function compareMask(a: f64, b: f64): i32 {
  let m = 0;
  if (a == b) m |= 1;
  if (a != b) m |= 2;
  if (a < b) m |= 4;
  if (a <= b) m |= 8;
  if (a > b) m |= 16;
  if (a >= b) m |= 32;
  if (!(a <= b)) m |= 64;
  if (!(a > b)) m |= 128;
  return m;
}
export function lt(a: f64, b: f64): bool { return a < b; }
export function selectLess(a: f64, b: f64): f64 { return a < b ? a : b; }
