// Mutable globals of every type keep their values from call to call.
let counter: i32 = 0;
let total: i64 = 0;
let last32: f32 = 0;
let last64: f64 = 0;
export function bump(by: i32): i32 { counter += by; return counter; }
export function accumulate(v: i64): i64 { total = total * 3 + v; return total; }
export function remember32(v: f32): f32 { const old = last32; last32 = v; return old; }
export function remember64(v: f64): f64 { const old = last64; last64 = v; return old; }
export function snapshot(): i64 { return <i64>counter ^ total; }
