// i64 and, or, xor, not.
export function and(a: i64, b: i64): i64 { return a & b; }
export function or(a: i64, b: i64): i64 { return a | b; }
export function xor(a: i64, b: i64): i64 { return a ^ b; }
export function not(a: i64): i64 { return ~a; }
export function bitSelect(a: i64, b: i64, mask: i64): i64 { return (a & mask) | (b & ~mask); }
