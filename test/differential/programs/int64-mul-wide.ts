// 64×64→128 multiplication built from 32-bit halves (carries, shifts and adds of i64).
export function mulHighU(a: u64, b: u64): u64 {
  const aLo = a & 0xffffffff, aHi = a >>> 32, bLo = b & 0xffffffff, bHi = b >>> 32;
  const lolo = aLo * bLo, hilo = aHi * bLo, lohi = aLo * bHi, hihi = aHi * bHi;
  const cross = (lolo >>> 32) + (hilo & 0xffffffff) + lohi;
  return hihi + (hilo >>> 32) + (cross >>> 32);
}
export function mulHighS(a: i64, b: i64): i64 {
  let high = <i64>mulHighU(<u64>a, <u64>b);
  if (a < 0) high -= b;
  if (b < 0) high -= a;
  return high;
}
