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
  {
    seed: 3,
    family: "all",
    module: 1,
    open: "f43: an `if (result i32)` on a local left unset when a br_if skipped its local.set picks the wrong arm",
  },
  {
    seed: 2,
    family: "all",
    module: 0,
    open: "f95: some test.emit calls of loop iterations are missing on x86 (control flow or local state differs)",
  },
];
