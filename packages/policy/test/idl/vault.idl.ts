import type { u32 } from "@sawmill/idl/types";

/** A test object server guarded by a policy cache. */
export interface Vault {
  /** Policy listener method: must be method 1 (the policy server calls label 1, one word). */
  policyChanged(version: u32): void;
  /**
   * The secret of `object`.
   * @error DENIED the caller may not read it
   */
  read(object: u32): u32;
  /** How many checks reached the policy server. */
  policyCalls(): u32;
}
