// i64 loads and stores of every width and sign (i64.load8_s ... i64.load32_u, i64.store8/16/32).
const BUF = memory.data(64);
function at(i: i32): usize { return BUF + <usize>(i & 31); }
export function store64Load(v: i64, i: i32): i64 { store<i64>(at(i), v); return load<i64>(at(i)); }
export function load8(v: i64, i: i32): i64 { i64.store8(at(i), v); return i64.load8_s(at(i)) * 1000 + i64.load8_u(at(i)); }
export function load16(v: i64, i: i32): i64 { i64.store16(at(i), v); return i64.load16_s(at(i)) ^ (i64.load16_u(at(i)) << 20); }
export function load32(v: i64, i: i32): i64 { i64.store32(at(i), v); return i64.load32_s(at(i)) ^ (i64.load32_u(at(i)) << 1); }
export function halves(v: i64): i64 { store<i64>(BUF, v); return (<i64>load<u32>(BUF, 4)) | (<i64>load<i32>(BUF) << 32); }
