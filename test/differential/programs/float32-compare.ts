// Every f32 comparison in one bit mask: unordered (NaN) operands make all but != false.
export function compareMask(a: f32, b: f32): i32 {
  let m = 0;
  if (a == b) m |= 1;
  if (a != b) m |= 2;
  if (a < b) m |= 4;
  if (a <= b) m |= 8;
  if (a > b) m |= 16;
  if (a >= b) m |= 32;
  if (!(a < b)) m |= 64;
  if (!(a >= b)) m |= 128;
  return m;
}
export function isNaN32(a: f32): bool { return a != a; }
