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

/**
 * A capability (a slot in the sender's table); it travels as a capability item, not as a word.
 * As a return type the reply carries it: the client stub takes the slot to receive it in.
 */
export type Cap = number & { readonly __capability: unique symbol };

/**
 * A return type only: the reply maps (or grants) pages into the client's receive window instead
 * of carrying a result word. The client stub takes the window as its last argument.
 */
export type Mapping = number & { readonly __mapping: unique symbol };

/** A byte range in a buffer both sides share: two words, offset then length. */
export interface BufferRange {
  offset: u32;
  length: u32;
}
