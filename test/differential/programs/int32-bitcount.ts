// i32.clz, i32.ctz, i32.popcnt (zero input gives 32 for clz/ctz).
export function clz32(a: i32): i32 { return clz<i32>(a); }
export function ctz32(a: i32): i32 { return ctz<i32>(a); }
export function popcnt32(a: i32): i32 { return popcnt<i32>(a); }
export function log2Floor(a: u32): i32 { return a == 0 ? -1 : 31 - clz<u32>(a); }
export function isPowerOfTwo(a: u32): bool { return popcnt<u32>(a) == 1; }
