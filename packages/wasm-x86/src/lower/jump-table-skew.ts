/**
 * Jump tables indexed by `x - d` (asc's `switch (state)` over cases 1..n becomes a br_table on
 * `state - 1`): index the table by x itself and start it with d entries for the default target,
 * so the subtraction disappears.
 *
 * Layer: lowering support for `br_table` (control.ts). Interface: `skewedIndex(entry)` gives the
 * register holding x and d when the index entry is a lazy `x - d` with 1 <= d <= MAX_SKEW.
 * Exact for every x: x in [0, d) selects a leading default entry, x >= n + d (unsigned) fails
 * the range check, and x in [d, n + d) selects target x - d, just as `x - d` (mod 2^32) would.
 */

import type { Gpr } from "@sawmill/x86";
import type { Entry } from "../codegen/value-stack.js";

/** Default entries a table may grow by to save the subtraction. */
const MAX_SKEW = 4;

export function skewedIndex(entry: Entry): { reg: Gpr; skew: number } | null {
  const { loc } = entry;
  if (loc.kind !== "address" || loc.index !== null || loc.base === null) return null;
  if (loc.disp >= 0 || loc.disp < -MAX_SKEW) return null;
  return { reg: loc.base, skew: -loc.disp };
}
