import type { bool, u32 } from "@sawmill/idl/types";

/** The security-policy server: rights of subjects (badges) on objects. */
export interface Policy {
  /** Whether `subject` holds every bit of `right` on `object`. */
  check(subject: u32, object: u32, right: u32): bool;
  /**
   * Grants `rights` on `object` to `subject` (admin only).
   * @error DENIED the caller is not the admin
   * @error FULL the policy table has no free entry
   */
  grant(subject: u32, object: u32, rights: u32): void;
  /**
   * Takes `rights` on `object` away from `subject` (admin only).
   * @error DENIED the caller is not the admin
   */
  revoke(subject: u32, object: u32, rights: u32): void;
  /** The policy version: it grows with every change. */
  version(): u32;
}
