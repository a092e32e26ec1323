import type { u32 } from "@sawmill/idl/types";

/** The test's service: what a client reaches through a capability it resolved by name. */
export interface Echo {
  /** `x` + 1. */
  increment(x: u32): u32;
  /** The badge of the capability the call came through. */
  caller(): u32;
}
