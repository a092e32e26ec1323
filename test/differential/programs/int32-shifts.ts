// i32 shl, shr_s, shr_u: counts are taken modulo 32 (so 32, 33, -1 and INT_MIN are all valid).
export function shl(a: i32, n: i32): i32 { return a << n; }
export function shrS(a: i32, n: i32): i32 { return a >> n; }
export function shrU(a: i32, n: i32): i32 { return a >>> n; }
export function shlConst(a: i32): i32 { return (a << 31) ^ (a << 1) ^ (a << 17); }
export function shrConst(a: i32): i32 { return (a >> 31) + (a >>> 28) + (a >> 3); }
export function shiftBySelf(a: i32): i32 { return (a << a) ^ (a >>> (a >> 4)); }
