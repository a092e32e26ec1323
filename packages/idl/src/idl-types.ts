/**
 * The types an interface file (`*.idl.ts`) may use, so that it type-checks as ordinary TypeScript.
 *
 * Layer: IDL source vocabulary. Interface: `import type { u32, Cap, BufferRange } from "@sawmill/idl/types"`.
 * The stub compiler reads these names syntactically (it never evaluates them): a parameter typed
 * `u32` is one message word, whatever TypeScript thinks a `u32` is.
 */

export type u8 = number;
export type u16 = number;
export type u32 = number;
export type i32 = number;
export type u64 = bigint;
export type bool = boolean;

/** A capability (a slot in the sender's table); it travels as a capability item, not as a word. */
export type Cap = number & { readonly __capability: unique symbol };

/** A byte range in a buffer both sides share: two words, offset then length. */
export interface BufferRange {
  offset: u32;
  length: u32;
}
