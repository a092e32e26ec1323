// i64 division and remainder by constants.
export function div10(a: i64): i64 { return a / 10; }
export function rem10(a: i64): i64 { return a % 10; }
export function udiv1000(a: u64): u64 { return a / 1000; }
export function urem1000(a: u64): u64 { return a % 1000; }
export function divPow2(a: i64): i64 { return a / 0x100000000; }
export function divMinusOne(a: i64): i64 { return a / -1; }
export function remMinusOne(a: i64): i64 { return a % -1; }
