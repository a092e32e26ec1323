// Comparisons feeding branches and selects.
export function maxS(a: i32, b: i32): i32 { return a > b ? a : b; }
export function minU(a: u32, b: u32): u32 { return a < b ? a : b; }
export function clamp(a: i32, lo: i32, hi: i32): i32 { return a < lo ? lo : a > hi ? hi : a; }
export function sign(a: i32): i32 { return a > 0 ? 1 : a < 0 ? -1 : 0; }
export function absDiff(a: i32, b: i32): u32 { return a > b ? <u32>(a - b) : <u32>(b - a); }
