// Loops with i64 induction variables and accumulators, i64 arrays in memory.
const WORDS = memory.data(8 * 64);
export function fibMod(n: i32, m: i64): i64 {
  const mod = m == 0 ? 1000000007 : (m < 0 ? -m : m);
  let a: i64 = 0, b: i64 = 1;
  for (let i: i64 = 0; i < <i64>(n & 1023); i++) { const t = (a + b) % mod; a = b; b = t; }
  return a;
}
export function popcountSum(start: i64, count: i32): i64 {
  let sum: i64 = 0;
  for (let x = start, i = 0; i < (count & 255); i++, x += 0x0101010101010101) sum += popcnt<i64>(x);
  return sum;
}
export function prefixSums(seed: i64): i64 {
  let x = seed;
  for (let i = 0; i < 64; i++) { x = x * 6364136223846793005 + 1442695040888963407; store<i64>(WORDS + <usize>(i << 3), x >> 11); }
  for (let i = 1; i < 64; i++) store<i64>(WORDS + <usize>(i << 3), load<i64>(WORDS + <usize>(i << 3)) + load<i64>(WORDS + <usize>((i - 1) << 3)));
  return load<i64>(WORDS + 63 * 8) ^ load<i64>(WORDS + 31 * 8);
}
