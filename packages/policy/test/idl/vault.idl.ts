import type { u32 } from "@sawmill/idl/types";

/** A test object server guarded by a policy cache. */
export interface Vault {
  /**
   * The secret of `object`.
   * @error DENIED the caller may not read it
   */
  read(object: u32): u32;
  /** How many checks reached the policy server. */
  policyCalls(): u32;
  /** A client of the concurrency test has finished; the vault ends the run after the last. */
  finish(): void;
}
