// f32/f64 loads and stores, aligned and unaligned, bit-exact (NaN payloads included).
const BUF = memory.data(64);
function at(i: i32): usize { return BUF + <usize>(i & 31); }
export function roundTrip32(v: f32, i: i32): f32 { store<f32>(at(i), v); return load<f32>(at(i)); }
export function roundTrip64(v: f64, i: i32): f64 { store<f64>(at(i), v); return load<f64>(at(i)); }
export function bitsViaMemory(v: f64): i64 { store<f64>(BUF, v, 3); return load<i64>(BUF, 3); }
export function floatViaMemory(v: i32): f32 { store<i32>(BUF, v, 1); return load<f32>(BUF, 1); }
