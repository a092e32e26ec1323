// f64 add, sub, mul, div with edge values (NaN results canonicalized: their payload is
// nondeterministic in WebAssembly).
function canon(x: f64): f64 { return x != x ? reinterpret<f64>(0x7ff8000000000000) : x; }
export function add(a: f64, b: f64): f64 { return canon(a + b); }
export function sub(a: f64, b: f64): f64 { return canon(a - b); }
export function mul(a: f64, b: f64): f64 { return canon(a * b); }
export function div(a: f64, b: f64): f64 { return canon(a / b); }
export function fma(a: f64, b: f64, c: f64): f64 { return canon(a * b + c); }
