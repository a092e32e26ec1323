import type { u32 } from "@sawmill/idl/types";

/** The console: text out, packed four bytes to a word so a call fits the registers. */
export interface Console {
  /**
   * Writes the first `count` bytes of w0 w1 w2 (little-endian, w0 first); result: bytes written.
   * @error TOO_LONG count is over 12
   */
  write(count: u32, w0: u32, w1: u32, w2: u32): u32;
}
