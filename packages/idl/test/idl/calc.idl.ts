import type { BufferRange, bool, Cap, i32, Mapping, u8, u16, u32, u64 } from "@sawmill/idl/types";

/** A point on the screen. */
export interface Point {
  x: i32;
  y: i32;
}

/** A calculator: one method per shape of request the stub compiler handles. */
export interface Calc {
  /** Counts calls; no arguments. */
  ping(): u32;
  /**
   * Adds two numbers.
   * @error OVERFLOW the sum does not fit in 32 bits
   */
  add(a: u32, b: u32): u32;
  /** Mixes four words: a - b + c * d. */
  mix(a: u32, b: u32, c: u32, d: u32): u32;
  /**
   * Sums the bytes of a range of the shared buffer.
   * @error OUT_OF_RANGE the range is not inside the buffer
   */
  checksum(data: BufferRange): u32;
  /** Manhattan length of a point, negated when `flip`. */
  manhattan(p: Point, flip: bool): i32;
  /** Six words: sums them (long message, words 4 and 5 in the UTCB). */
  sum6(a: u8, b: u16, c: u32, d: i32, e: u64): u32;
  /**
   * Takes a capability; answers the slot it arrived in.
   * @error OVERFLOW never, documented twice to share the code
   */
  adopt(endpoint: Cap, tag: u32): u32;
  /** Forgets everything. */
  reset(): void;
  /** A capability to this server (the reply carries it). */
  handle(): Cap;
  /**
   * A page of the server's, stamped with `stamp`, mapped read-only (the reply carries it).
   * @error OUT_OF_RANGE stamp 0 is refused
   */
  page(stamp: u32): Mapping;
  /**
   * Labelled like a protocol someone else numbers: echoes `a`.
   * @label 0x7777
   */
  fixed(a: u32): u32;
}
