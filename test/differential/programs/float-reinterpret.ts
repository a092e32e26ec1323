// Reinterpretation between floats and integers; NaN payloads through locals, calls, select, memory.
const CELL = memory.data(16);
export function bits32(a: f32): i32 { return reinterpret<i32>(a); }
export function fromBits32(a: i32): f32 { return reinterpret<f32>(a); }
export function bits64(a: f64): i64 { return reinterpret<i64>(a); }
export function fromBits64(a: i64): f64 { return reinterpret<f64>(a); }
export function throughMemory32(a: f32): f32 { store<f32>(CELL, a); return load<f32>(CELL); }
export function throughMemory64(a: f64): f64 { store<f64>(CELL, a, 8); return load<f64>(CELL, 8); }
export function pick32(a: f32, b: f32, c: i32): f32 { return select<f32>(a, b, c); }
export function pick64(a: f64, b: f64, c: i32): f64 { return select<f64>(a, b, c); }
// @call bits32(0x7fa00001n)
// @call bits32(0xffffffffn)
// @call fromBits32(0x7f800001)
// @call fromBits32(-1)
// @call bits64(0x7ff0000000000001n)
// @call fromBits64(-1n)
// @call fromBits64(0x7ff0000000000001n)
// @call pick32(0x7f800001n, 1, 1)
// @call pick32(1, 0xff800002n, 0)
// @call pick64(0xfff0000000000003n, 2, 7)
// @call pick64(2, 0x7ff0000000000004n, 0)
