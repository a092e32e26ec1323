// i32 loads and stores of every width and sign: load8_s/u, load16_s/u, load, store8/16, store.
const BUF = memory.data(64);
function at(i: i32): usize { return BUF + <usize>(i & 31); }
export function store8Load(v: i32, i: i32): i32 { store<u8>(at(i), v); return load<i8>(at(i)) * 1000 + load<u8>(at(i)); }
export function store16Load(v: i32, i: i32): i32 { store<u16>(at(i), v); return load<i16>(at(i)) ^ (load<u16>(at(i)) << 16); }
export function store32Load(v: i32, i: i32): i32 { store<i32>(at(i), v); return load<i32>(at(i)); }
export function bytesOf(v: i32): i32 {
  store<i32>(BUF, v);
  return load<u8>(BUF) + (load<u8>(BUF, 1) << 8) * 3 + load<i8>(BUF, 3) * 7 + load<i16>(BUF, 1);
}
export function loadByte(i: i32): i32 { return load<i8>(at(i)); }
