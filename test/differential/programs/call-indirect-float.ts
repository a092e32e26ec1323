// call_indirect with i64, f32 and f64 signatures (float arguments and results through the table).
type F64Op = (a: f64, b: f64) => f64;
type F32Op = (a: f32) => f32;
type I64Op = (a: i64, b: i32) => i64;
function hyp(a: f64, b: f64): f64 { const r = sqrt<f64>(a * a + b * b); return r != r ? 0 : r; }
function wsum(a: f64, b: f64): f64 { const r = a * 0.25 + b * 0.75; return r != r ? 0 : r; }
function halve(a: f32): f32 { const r = a * <f32>0.5; return r != r ? 0 : r; }
function negate(a: f32): f32 { return -a; }
function shiftMix(a: i64, b: i32): i64 { return (a << <i64>(b & 63)) ^ (a >>> 7); }
function addMul(a: i64, b: i32): i64 { return a * <i64>b + 12345; }
const F64S: StaticArray<F64Op> = [hyp, wsum];
const F32S: StaticArray<F32Op> = [halve, negate];
const I64S: StaticArray<I64Op> = [shiftMix, addMul];
export function applyF64(which: i32, a: f64, b: f64): f64 { return F64S[which & 1](a, b); }
export function applyF32(which: i32, a: f32): f32 { return F32S[which & 1](a); }
export function applyI64(which: i32, a: i64, b: i32): i64 { return I64S[which & 1](a, b); }
