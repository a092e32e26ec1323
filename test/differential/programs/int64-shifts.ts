// i64 shl, shr_s, shr_u: counts modulo 64 (so 64, 65, -1 and counts ≥ 32 cross the halves).
export function shl(a: i64, n: i64): i64 { return a << n; }
export function shrS(a: i64, n: i64): i64 { return a >> n; }
export function shrU(a: i64, n: i64): i64 { return a >>> n; }
export function shlConst(a: i64): i64 { return (a << 63) ^ (a << 32) ^ (a << 31) ^ (a << 1); }
export function shrConst(a: i64): i64 { return (a >> 63) + (a >>> 32) + (a >> 33) + (a >>> 1); }
