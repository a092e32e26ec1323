import type { Cap, u32 } from "@sawmill/idl/types";

/** A name: up to 16 bytes packed little-endian into four words, zero-padded. */
export interface Name {
  w0: u32;
  w1: u32;
  w2: u32;
  w3: u32;
}

/** The name server: a flat table from short names to capabilities. */
export interface Names {
  /**
   * Binds `name` to a copy of `object`, which the server keeps in a slot of its own. The
   * registrant is the badge of the capability the request came through.
   * @error TAKEN the name is bound already
   * @error FULL the table has no free entry
   * @error NO_CAPABILITY the capability could not be kept (colocated: an empty slot)
   */
  register(name: Name, object: Cap): void;
  /**
   * The capability bound to `name` (a copy, with the rights it was registered with).
   * @error UNKNOWN nothing is bound to the name
   */
  resolve(name: Name): Cap;
  /**
   * Unbinds `name` and drops the server's copy; copies handed out earlier stay with their holders.
   * @error UNKNOWN nothing is bound to the name
   * @error NOT_OWNER the request came through a capability with another badge than the registrant's
   */
  unregister(name: Name): void;
}
