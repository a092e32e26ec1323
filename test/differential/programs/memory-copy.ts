// memory.copy, overlapping forwards and backwards, and non-overlapping; checked by checksum.
const BUF = memory.data(512);
function fill(seed: i32): void { for (let i = 0; i < 512; i++) store<u8>(BUF + <usize>i, seed * 31 + i * 7); }
function checksum(): i32 { let h = 0; for (let i = 0; i < 512; i++) h = h * 33 + load<u8>(BUF + <usize>i); return h; }
export function copy(seed: i32, dst: i32, src: i32, len: i32): i32 {
  fill(seed);
  memory.copy(BUF + <usize>(dst & 255), BUF + <usize>(src & 255), <usize>(len & 255));
  return checksum();
}
// @call copy(1, 10, 0, 100)
// @call copy(2, 0, 10, 100)
// @call copy(3, 1, 0, 255)
// @call copy(4, 0, 1, 255)
// @call copy(5, 7, 7, 50)
// @call copy(6, 200, 0, 0)
// @call copy(7, 128, 0, 128)
// @call copy(8, 3, 5, 2)
