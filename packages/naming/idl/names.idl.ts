import type { u32 } from "@sawmill/idl/types";

/** A name: up to 16 bytes packed little-endian into four words, zero-padded. */
export interface Name {
  w0: u32;
  w1: u32;
  w2: u32;
  w3: u32;
}

/** The name server: a flat table from short names to values. */
export interface Names {
  /**
   * Binds `name` to `value`.
   * @error TAKEN the name is bound already
   * @error FULL the table has no free entry
   */
  register(name: Name, value: u32): void;
  /**
   * The value bound to `name`.
   * @error UNKNOWN nothing is bound to the name
   */
  resolve(name: Name): u32;
}
