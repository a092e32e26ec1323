/**
 * Relocatable x86 object format — the one currency of the toolchain.
 *
 * Layer: toolchain data. Produced by the assembler (`Assembler.finish()`) and so by
 * `@sawmill/wasm-x86`; consumed by the linker in `@sawmill/image`.
 *
 * Invariants:
 * - Offsets are byte offsets into the named section. `bss` carries a size and no bytes.
 * - A symbol with `section: null` is undefined here (an import) and must be resolved at link time.
 * - Relocation arithmetic: `abs32` stores S + A; `rel32` stores S + A - P, where S is the
 *   symbol's final address, A the addend and P the final address of the 4-byte field.
 *   A `call rel32` to an external symbol carries addend -4, because the CPU adds the
 *   address of the next instruction, which is the field's address plus 4.
 * - `placed` blocks live at fixed virtual addresses (a WebAssembly module's data segments at its
 *   memory base); the linker copies them verbatim and checks that they do not overlap.
 */

export type SectionKind = "text" | "rodata" | "data" | "bss";

export const SECTION_KINDS: readonly SectionKind[] = ["text", "rodata", "data", "bss"];

export interface ObjectSection {
  /** Contents; empty for bss. */
  readonly bytes: Uint8Array;
  /** Size in bytes (equals bytes.length except for bss). */
  readonly size: number;
  /** Required alignment of the section start, a power of two. */
  readonly align: number;
}

export interface ObjectSymbol {
  readonly name: string;
  /** Defining section, or null for an undefined (imported) symbol. */
  readonly section: SectionKind | null;
  readonly offset: number;
  /** Global symbols are visible to other objects; local ones only resolve relocations here. */
  readonly binding: "global" | "local";
}

export type RelocationType = "abs32" | "rel32";

export interface Relocation {
  readonly section: SectionKind;
  readonly offset: number;
  readonly type: RelocationType;
  readonly symbol: string;
  readonly addend: number;
}

export interface PlacedData {
  /** Virtual address of the first byte. */
  readonly address: number;
  readonly bytes: Uint8Array;
}

export interface X86Object {
  readonly sections: Readonly<Record<SectionKind, ObjectSection>>;
  readonly symbols: readonly ObjectSymbol[];
  readonly relocations: readonly Relocation[];
  readonly placed: readonly PlacedData[];
}
