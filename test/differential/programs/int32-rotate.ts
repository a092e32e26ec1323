// i32.rotl and i32.rotr, counts modulo 32.
export function rotateLeft(a: i32, n: i32): i32 { return rotl<i32>(a, n); }
export function rotateRight(a: i32, n: i32): i32 { return rotr<i32>(a, n); }
export function rotlConst(a: i32): i32 { return rotl<i32>(a, 7) ^ rotr<i32>(a, 13); }
