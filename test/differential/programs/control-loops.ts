// Loops with br_if back edges, nested loops with early exits (break/continue to outer labels).
export function sumTo(n: i32): i32 { let s = 0; for (let i = 0; i <= (n & 0xffff); i++) s += i; return s; }
export function collatzSteps(n: u32): i32 {
  let x = <u64>(n | 1), steps = 0;
  while (x != 1 && steps < 10000) { x = x & 1 ? 3 * x + 1 : x >> 1; steps++; }
  return steps;
}
export function nestedSearch(target: i32): i32 {
  for (let i = 0; i < 50; i++) {
    for (let j = 0; j < 50; j++) {
      if (j > i) break;
      if (i * 50 + j == (target & 0xfff)) return i * 1000 + j;
    }
  }
  return -1;
}
export function doWhile(n: i32): i32 { let i = n & 255, k = 0; do { k += i; i -= 3; } while (i > 0); return k; }
