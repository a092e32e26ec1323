// i32.div_s and i32.rem_s: traps on zero, INT_MIN / -1 traps, INT_MIN % -1 is 0.
export function div(a: i32, b: i32): i32 { return a / b; }
export function rem(a: i32, b: i32): i32 { return a % b; }
export function divThenRem(a: i32, b: i32): i32 { return (a / b) * 31 + (a % b); }
