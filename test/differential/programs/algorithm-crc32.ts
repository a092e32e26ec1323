// CRC-32 with a table built at first use (u32 shifts, xors, byte loads, a global flag).
const TABLE = memory.data(1024);
const INPUT = memory.data(256);
let ready = false;
function init(): void {
  for (let n: u32 = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    store<u32>(TABLE + (<usize>n << 2), c);
  }
  ready = true;
}
export function crc32(seed: i32, len: i32): u32 {
  if (!ready) init();
  const n = len & 255;
  for (let i = 0; i < n; i++) store<u8>(INPUT + <usize>i, seed + i * 13);
  let c: u32 = 0xffffffff;
  for (let i = 0; i < n; i++) c = load<u32>(TABLE + (<usize>((c ^ load<u8>(INPUT + <usize>i)) & 0xff) << 2)) ^ (c >>> 8);
  return c ^ 0xffffffff;
}
