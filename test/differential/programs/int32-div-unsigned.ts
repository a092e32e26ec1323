// i32.div_u and i32.rem_u over the full unsigned range.
export function div(a: u32, b: u32): u32 { return a / b; }
export function rem(a: u32, b: u32): u32 { return a % b; }
