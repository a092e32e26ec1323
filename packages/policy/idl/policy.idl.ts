import type { bool, Mapping, u32 } from "@sawmill/idl/types";

/**
 * The security-policy server: rights of subjects (badges) on objects. Caches learn of changes
 * from the version page (`versionPage`), never from a call the server makes.
 */
export interface Policy {
  /** Whether `subject` holds every bit of `right` on `object`. */
  check(subject: u32, object: u32, right: u32): bool;
  /**
   * Grants `rights` on `object` to `subject` (admin only). When it returns, the version page
   * already shows the new version.
   * @error DENIED the caller is not the admin
   * @error FULL the policy table has no free entry
   */
  grant(subject: u32, object: u32, rights: u32): void;
  /**
   * Takes `rights` on `object` away from `subject` (admin only). When it returns, the version
   * page already shows the new version.
   * @error DENIED the caller is not the admin
   */
  revoke(subject: u32, object: u32, rights: u32): void;
  /** The policy version: it grows with every change. */
  version(): u32;
  /**
   * The page whose first word is the policy version, mapped read-only into the caller's
   * receive window: a cache reads the current version with one load, no call.
   */
  versionPage(): Mapping;
}
