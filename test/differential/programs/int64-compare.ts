// Every i64 comparison, packed into a bit mask.
export function compareMask(a: i64, b: i64): i32 {
  let m = 0;
  if (a == b) m |= 1;
  if (a != b) m |= 2;
  if (a < b) m |= 4;
  if (<u64>a < <u64>b) m |= 8;
  if (a <= b) m |= 16;
  if (<u64>a <= <u64>b) m |= 32;
  if (a > b) m |= 64;
  if (<u64>a > <u64>b) m |= 128;
  if (a >= b) m |= 256;
  if (<u64>a >= <u64>b) m |= 512;
  if (a == 0) m |= 1024;
  return m;
}
export function max(a: i64, b: i64): i64 { return a > b ? a : b; }
export function minU(a: u64, b: u64): u64 { return a < b ? a : b; }
