// Many simultaneously live values: more than the x86 has registers.
export function poly(a: i32, b: i32, c: i32, d: i32): i32 {
  const t0 = a * 3 + b;
  const t1 = b ^ (c << 3);
  const t2 = c - (d >>> 2);
  const t3 = d + a * 7;
  const t4 = t0 * t1 - t2;
  const t5 = t1 | (t3 & 0xff00);
  const t6 = t2 + t0 * 5;
  const t7 = t3 ^ t1 ^ t0;
  const t8 = (t4 >> 3) + (t5 << 2);
  const t9 = t6 - t7 * 9;
  return t0 + t1 * 2 + t2 * 3 + t3 * 4 + t4 * 5 + t5 * 6 + t6 * 7 + t7 * 8 + t8 * 9 + t9 * 10;
}
export function mixLoop(seed: i32, n: i32): i32 {
  let a = seed, b = seed ^ 0x5555, c = seed + 17, d = ~seed, e = 3, f = 5, g = 7, h = 11;
  for (let i = 0; i < (n & 63); i++) {
    a += b; b ^= c; c -= d; d = rotl<i32>(d, 5) + e; e *= f | 1; f += g; g ^= h; h += a >>> 3;
  }
  return a ^ b ^ c ^ d ^ e ^ f ^ g ^ h;
}
