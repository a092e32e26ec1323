// f32 add, sub, mul, div with edge values. WebAssembly leaves the payload and sign of a NaN that
// arithmetic produces nondeterministic, so NaN results are canonicalized here (exact elsewhere).
function canon(x: f32): f32 { return x != x ? reinterpret<f32>(0x7fc00000) : x; }
export function add(a: f32, b: f32): f32 { return canon(a + b); }
export function sub(a: f32, b: f32): f32 { return canon(a - b); }
export function mul(a: f32, b: f32): f32 { return canon(a * b); }
export function div(a: f32, b: f32): f32 { return canon(a / b); }
export function fma(a: f32, b: f32, c: f32): f32 { return canon(a * b + c); }
