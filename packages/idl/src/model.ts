/**
 * The parsed form of an interface: what the identity hash, the wire format and the generators read.
 *
 * Layer: IDL compiler, data only. An interface is flat: its bases' methods come first, as the
 * bases declare them. Invariants: method numbers are 1-based positions in that flattened order
 * unless a method fixes its label with `@label` (protocols whose client is the kernel); labels
 * are unique;
 * error codes are interface-wide, ERROR_BASE upward in order of first mention; a struct's
 * fields are word-sized scalars (nested structs are flattened by the parser).
 */

/** Word-sized scalar types; `u64` is two words (low, high). */
export type ScalarType = "u8" | "u16" | "u32" | "i32" | "bool" | "u64";

/**
 * What a reply carries: one result word (a scalar), nothing (void), or one typed item — a
 * capability (`cap`) or a mapping of pages (`mapping`) — instead of the word.
 */
export type ReturnType = ScalarType | "cap" | "mapping" | null;

export type IdlType =
  | { readonly kind: "scalar"; readonly name: ScalarType }
  | { readonly kind: "cap" }
  | { readonly kind: "struct"; readonly name: string; readonly fields: readonly Field[] };

export interface Field {
  readonly name: string;
  readonly type: IdlType;
}

export interface ErrorDecl {
  readonly name: string;
  readonly code: number;
  readonly doc: string;
}

export interface Method {
  readonly name: string;
  /** The request label: 1-based position (inherited methods first), or the method's `@label`. */
  readonly number: number;
  readonly params: readonly Field[];
  readonly returns: ReturnType;
  readonly doc: string;
  /** Names of the errors this method documents (see Interface.errors). */
  readonly errors: readonly string[];
}

export interface Interface {
  readonly name: string;
  readonly doc: string;
  readonly methods: readonly Method[];
  readonly errors: readonly ErrorDecl[];
}
