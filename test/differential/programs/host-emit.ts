// The test host imports: values sent with test.emit / test.emit_i64 during a call, in order.
@external("test", "emit") declare function emit(value: i32): void;
@external("test", "emit_i64") declare function emitI64(value: i64): void;
export function countdown(n: i32): i32 {
  let i = n & 15;
  while (i > 0) { emit(i); i--; }
  return n;
}
export function emitBoth(a: i32, b: i64): void { emit(a); emitI64(b); emitI64(<i64>a * b); }
export function emitThenTrap(a: i32): i32 { emit(a); return 100 / (a & 3); }
