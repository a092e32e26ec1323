// i32.extend8_s, i32.extend16_s and narrowing through small integer types.
export function extend8(a: i32): i32 { return <i32><i8>a; }
export function extend16(a: i32): i32 { return <i32><i16>a; }
export function zeroExtend8(a: i32): i32 { return <i32><u8>a; }
export function zeroExtend16(a: i32): i32 { return <i32><u16>a; }
export function byteSum(a: i32, b: i32): i32 { return <i32>(<i8>a + <i8>b); }
