import type { BufferRange, u32 } from "@sawmill/idl/types";

/** The stub benchmark's interface: one method per measured case. */
export interface Bench {
  args0(): u32;
  args2(a: u32, b: u32): u32;
  args4(a: u32, b: u32, c: u32, d: u32): u32;
  /** A byte range of a shared buffer: two words. */
  buffer(data: BufferRange): u32;
}
