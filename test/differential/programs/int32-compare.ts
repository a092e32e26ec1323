// Every i32 comparison, packed into a bit mask so one call checks them all.
export function compareMask(a: i32, b: i32): i32 {
  let m = 0;
  if (a == b) m |= 1;
  if (a != b) m |= 2;
  if (a < b) m |= 4;
  if (<u32>a < <u32>b) m |= 8;
  if (a <= b) m |= 16;
  if (<u32>a <= <u32>b) m |= 32;
  if (a > b) m |= 64;
  if (<u32>a > <u32>b) m |= 128;
  if (a >= b) m |= 256;
  if (<u32>a >= <u32>b) m |= 512;
  if (a == 0) m |= 1024;
  return m;
}
export function ltS(a: i32, b: i32): bool { return a < b; }
export function geU(a: u32, b: u32): bool { return a >= b; }
export function eqz(a: i32): bool { return !a; }
