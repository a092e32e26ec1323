/**
 * Generated modules from other seeds that once exposed a backend bug. Each runs in every test run
 * (cheap: one module each). `open` names the bug while it is unfixed: the test is then `it.fails`;
 * once it passes, drop `open` and the module stays as a regression test.
 */

export interface Regression {
  readonly seed: number;
  readonly family: "integer" | "all";
  readonly module: number;
  /** What went wrong, while the bug is open. */
  readonly open?: string;
}

export const REGRESSIONS: readonly Regression[] = [
  // f43: an `if (result i32)` on a local that a br_if left unset picked the wrong arm.
  { seed: 3, family: "all", module: 1 },
  // f95: test.emit calls of some loop iterations were missing on x86.
  { seed: 2, family: "all", module: 0 },
  // f68: took the other arm of `if (f64.le const global)` after earlier calls (state-dependent).
  { seed: 4, family: "all", module: 10 },
  // f15: the last value it emitted differed (-64 in Node, -32 on x86), integer-only code.
  { seed: 9, family: "integer", module: 3 },
];
