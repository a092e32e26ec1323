// i64.div_u and i64.rem_u over the full unsigned range.
export function div(a: u64, b: u64): u64 { return a / b; }
export function rem(a: u64, b: u64): u64 { return a % b; }
