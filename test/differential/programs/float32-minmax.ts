// f32.min and f32.max: NaN wins (canonicalized), -0 < +0 (exact).
function canon(x: f32): f32 { return x != x ? reinterpret<f32>(0x7fc00000) : x; }
export function fmin(a: f32, b: f32): f32 { return canon(min<f32>(a, b)); }
export function fmax(a: f32, b: f32): f32 { return canon(max<f32>(a, b)); }
export function minIsNaN(a: f32, b: f32): bool { const m = min<f32>(a, b); return m != m; }
