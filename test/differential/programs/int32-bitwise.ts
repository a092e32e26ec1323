// i32 and, or, xor and their combinations.
export function and(a: i32, b: i32): i32 { return a & b; }
export function or(a: i32, b: i32): i32 { return a | b; }
export function xor(a: i32, b: i32): i32 { return a ^ b; }
export function not(a: i32): i32 { return ~a; }
export function andNot(a: i32, b: i32): i32 { return a & ~b; }
export function bitSelect(a: i32, b: i32, mask: i32): i32 { return (a & mask) | (b & ~mask); }
export function lowestBit(a: i32): i32 { return a & -a; }
