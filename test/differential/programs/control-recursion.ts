// Recursion: fib, Ackermann, mutual recursion and deep recursion (10000 frames must work on both sides).
export function fib(n: i32): i32 { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
export function ackermann(m: i32, n: i32): i32 {
  if (m == 0) return n + 1;
  if (n == 0) return ackermann(m - 1, 1);
  return ackermann(m - 1, ackermann(m, n - 1));
}
export function isEven(n: u32): bool { return n == 0 ? true : isOdd(n - 1); }
export function isOdd(n: u32): bool { return n == 0 ? false : isEven(n - 1); }
export function deepSum(n: i32): i64 { return n <= 0 ? 0 : <i64>n + deepSum(n - 1); }
export function deepMixed(n: i32, x: f64): f64 { return n <= 0 ? x : deepMixed(n - 1, x * 1.0001) + 1.0; }
// @call fib(0)
// @call fib(1)
// @call fib(20)
// @call fib(25)
// @call ackermann(2, 3)
// @call ackermann(3, 5)
// @call isEven(1000)
// @call isOdd(7777)
// @call deepSum(10000)
// @call deepSum(3)
// @call deepMixed(10000, 1.5)
// @only-explicit fib ackermann isEven isOdd deepSum deepMixed
