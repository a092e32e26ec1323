// The high half of 32×32 products, through i64.
export function mulHighS(a: i32, b: i32): i32 { return <i32>((<i64>a * <i64>b) >> 32); }
export function mulHighU(a: u32, b: u32): u32 { return <u32>((<u64>a * <u64>b) >> 32); }
export function mulFull(a: i32, b: i32): i64 { return <i64>a * <i64>b; }
