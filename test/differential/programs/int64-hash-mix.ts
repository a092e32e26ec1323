// 64-bit hash mixing (splitmix64 and a multiply-xorshift hash): long dependency chains of i64 ops.
export function splitmix(x: u64): u64 {
  let z = x + 0x9e3779b97f4a7c15;
  z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9;
  z = (z ^ (z >>> 27)) * 0x94d049bb133111eb;
  return z ^ (z >>> 31);
}
export function hashRounds(seed: u64, rounds: i32): u64 {
  let h = seed;
  for (let i = 0; i < (rounds & 255); i++) h = splitmix(h ^ <u64>i);
  return h;
}
// @call hashRounds(0n, 0)
// @call hashRounds(1n, 1)
// @call hashRounds(0x123456789n, 100)
// @call hashRounds(-1n, 255)
