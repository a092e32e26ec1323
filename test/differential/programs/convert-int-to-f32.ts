// Integer → f32 conversions, signed and unsigned, rounding to nearest even (u32/u64 edges).
export function fromI32(a: i32): f32 { return <f32>a; }
export function fromU32(a: u32): f32 { return <f32>a; }
export function fromI64(a: i64): f32 { return <f32>a; }
export function fromU64(a: u64): f32 { return <f32>a; }
// @call fromU32(0xffffffff)
// @call fromU32(0x80000001)
// @call fromU32(16777217)
// @call fromI64(0x7fffff4000000001n)
// @call fromU64(0xffffff7fffffffffn)
// @call fromU64(0xffffffffffffffffn)
// @call fromU64(0x8000008000000001n)
// @call fromU64(0x20000020000001n)
// @call fromI32(16777219)
// @call fromI64(-9007199791611905n)
