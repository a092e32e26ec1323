// i64.clz, i64.ctz, i64.popcnt (zero input gives 64).
export function clz64(a: i64): i64 { return clz<i64>(a); }
export function ctz64(a: i64): i64 { return ctz<i64>(a); }
export function popcnt64(a: i64): i64 { return popcnt<i64>(a); }
export function bitLength(a: u64): i32 { return 64 - <i32>clz<u64>(a); }
