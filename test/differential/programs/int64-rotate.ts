// i64.rotl and i64.rotr, counts modulo 64.
export function rotateLeft(a: i64, n: i64): i64 { return rotl<i64>(a, n); }
export function rotateRight(a: i64, n: i64): i64 { return rotr<i64>(a, n); }
export function rotConst(a: i64): i64 { return rotl<i64>(a, 32) ^ rotr<i64>(a, 7) ^ rotl<i64>(a, 45); }
