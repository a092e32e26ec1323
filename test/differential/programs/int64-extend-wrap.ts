// i32.wrap_i64, i64.extend_i32_s/u and i64.extend8/16/32_s.
export function wrap(a: i64): i32 { return <i32>a; }
export function extendS(a: i32): i64 { return <i64>a; }
export function extendU(a: u32): u64 { return <u64>a; }
export function extend8(a: i64): i64 { return <i64><i8>a; }
export function extend16(a: i64): i64 { return <i64><i16>a; }
export function extend32(a: i64): i64 { return <i64><i32>a; }
export function highHalf(a: i64): i32 { return <i32>(a >>> 32); }
