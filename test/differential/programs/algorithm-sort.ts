// Insertion sort and a checksum over a pseudo-random array in linear memory.
const DATA = memory.data(4 * 512);
export function sortChecksum(seed: i32, n: i32): i32 {
  const count = (n & 511) + 1;
  let x = seed | 1;
  for (let i = 0; i < count; i++) { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; store<i32>(DATA + <usize>(i << 2), x); }
  for (let i = 1; i < count; i++) {
    const v = load<i32>(DATA + <usize>(i << 2));
    let j = i - 1;
    while (j >= 0 && load<i32>(DATA + <usize>(j << 2)) > v) { store<i32>(DATA + <usize>((j + 1) << 2), load<i32>(DATA + <usize>(j << 2))); j--; }
    store<i32>(DATA + <usize>((j + 1) << 2), v);
  }
  let h = 0;
  for (let i = 0; i < count; i++) h = h * 31 + load<i32>(DATA + <usize>(i << 2));
  return h;
}
export function isSorted(n: i32): bool {
  const count = (n & 511) + 1;
  for (let i = 1; i < count; i++) if (load<i32>(DATA + <usize>((i - 1) << 2)) > load<i32>(DATA + <usize>(i << 2))) return false;
  return true;
}
// @call sortChecksum(1, 511)
// @call isSorted(511)
// @call sortChecksum(12345, 100)
// @call sortChecksum(-7, 0)
// @only-explicit isSorted
