// f64.min and f64.max: NaN wins (canonicalized), -0 < +0 (exact).
function canon(x: f64): f64 { return x != x ? reinterpret<f64>(0x7ff8000000000000) : x; }
export function fmin(a: f64, b: f64): f64 { return canon(min<f64>(a, b)); }
export function fmax(a: f64, b: f64): f64 { return canon(max<f64>(a, b)); }
export function maxIsNaN(a: f64, b: f64): bool { const m = max<f64>(a, b); return m != m; }
