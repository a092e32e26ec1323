// i32 add, sub, mul and neg, wrapping at 32 bits.
export function add(a: i32, b: i32): i32 { return a + b; }
export function sub(a: i32, b: i32): i32 { return a - b; }
export function mul(a: i32, b: i32): i32 { return a * b; }
export function neg(a: i32): i32 { return -a; }
export function mulAdd(a: i32, b: i32, c: i32): i32 { return a * b + c; }
export function mulConst(a: i32): i32 { return a * 10 + a * -3 + a * 65537; }
