// i64.div_s and i64.rem_s: traps on zero, INT64_MIN / -1 traps, INT64_MIN % -1 is 0.
export function div(a: i64, b: i64): i64 { return a / b; }
export function rem(a: i64, b: i64): i64 { return a % b; }
