// Integer → f64 conversions, signed and unsigned (u64 above 2^63 and rounding of 54+ bit values).
export function fromI32(a: i32): f64 { return <f64>a; }
export function fromU32(a: u32): f64 { return <f64>a; }
export function fromI64(a: i64): f64 { return <f64>a; }
export function fromU64(a: u64): f64 { return <f64>a; }
// @call fromU32(0xffffffff)
// @call fromU64(0xffffffffffffffffn)
// @call fromU64(0x8000000000000401n)
// @call fromU64(0x8000000000000400n)
// @call fromU64(0x20000000000001n)
// @call fromI64(0x20000000000003n)
// @call fromI64(-0x8000000000000000n)
// @call fromI64(-9007199254740993n)
