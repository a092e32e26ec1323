// A base interface for the inheritance tests (test/inherit.test.ts): a struct parameter that
// only this file declares, an error, and a method with a fixed label.
import type { u32 } from "@sawmill/idl/types";

export interface Pair {
  low: u32;
  high: u32;
}

/** Counts. */
export interface Counter {
  /**
   * Adds both halves of `pair`.
   * @error FULL the counter would overflow
   */
  add(pair: Pair): u32;
  /** @label 0x100 */
  peek(): u32;
}
