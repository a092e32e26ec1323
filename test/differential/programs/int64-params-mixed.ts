// Functions mixing i32 and i64 parameters (argument layout in the cdecl frame).
export function combine(a: i32, b: i64, c: i32): i64 { return <i64>a * 1000 + b * <i64>c; }
export function pick(x: i64, y: i64, which: i32): i64 { return which & 1 ? x : y; }
export function shiftBy(a: i64, n: i32): i64 { return a << <i64>n; }
