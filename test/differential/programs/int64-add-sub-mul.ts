// i64 add, sub, mul and neg, wrapping at 64 bits (carries across the 32-bit halves).
export function add(a: i64, b: i64): i64 { return a + b; }
export function sub(a: i64, b: i64): i64 { return a - b; }
export function mul(a: i64, b: i64): i64 { return a * b; }
export function neg(a: i64): i64 { return -a; }
export function mulConst(a: i64): i64 { return a * 0x9e3779b97f4a7c15 + a * -3; }
export function square(a: i64): i64 { return a * a; }
