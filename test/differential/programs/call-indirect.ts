// call_indirect through AssemblyScript function references taken as values.
type BinOp = (a: i32, b: i32) => i32;
type Unary64 = (a: i64) => i64;
function plus(a: i32, b: i32): i32 { return a + b; }
function minus(a: i32, b: i32): i32 { return a - b; }
function times(a: i32, b: i32): i32 { return a * b; }
function mixer(a: i32, b: i32): i32 { return (a ^ b) * 31 + (a >>> 3); }
function twice(a: i64): i64 { return a * 2; }
function inverse(a: i64): i64 { return ~a; }
const OPS: StaticArray<BinOp> = [plus, minus, times, mixer];
export function apply(which: i32, a: i32, b: i32): i32 { return OPS[which & 3](a, b); }
export function fold(which: i32, n: i32): i32 {
  const op = OPS[which & 3];
  let acc = 1;
  for (let i = 1; i <= (n & 31); i++) acc = op(acc, i);
  return acc;
}
export function apply64(which: i32, a: i64): i64 { const f: Unary64 = which & 1 ? twice : inverse; return f(a); }
