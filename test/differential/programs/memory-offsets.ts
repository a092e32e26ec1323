// Constant offsets on loads and stores (large immediates, unaligned), and address arithmetic.
const BUF = memory.data(8192);
export function farOffsets(v: i32, i: i32): i32 {
  const p = BUF + <usize>(i & 1023);
  store<i32>(p, v, 4000);
  store<u16>(p, v, 7001);
  store<u8>(p, v >> 8, 3);
  return load<i32>(p, 4000) + load<i16>(p, 7001) * 3 + load<u8>(p, 3);
}
export function strided(seed: i32, stride: i32): i32 {
  const s = (stride & 15) + 1;
  for (let i = 0; i < 64; i++) store<i32>(BUF + <usize>(i * s * 4), seed + i * i);
  let sum = 0;
  for (let i = 0; i < 64; i++) sum = sum * 31 + load<i32>(BUF + <usize>(i * s * 4));
  return sum;
}
