/**
 * The contents of one section while it is being assembled: a list of chunks.
 *
 * Layer: assembler layout. A section is data chunks (bytes plus 32-bit fixups), relaxable
 * branches (short or near, decided later by `layout.ts`) and alignment pads (whose size depends
 * on where they end up). Positions are (chunk, offset in chunk) pairs, so they stay valid while
 * branches grow during relaxation.
 *
 * Invariants: the last chunk is always a data chunk (new bytes append to it); a fixup's field
 * lies inside its chunk's bytes; the bss section never receives non-zero bytes or fixups.
 */

import type { SectionKind } from "./object.js";
import type { Label } from "./operands.js";

/** What a 32-bit field refers to: a symbol by name, or a label of this assembler. */
export type Target = { readonly symbol: string } | { readonly label: Label };

export interface Fixup {
  /** Offset of the 4-byte field inside its data chunk. */
  readonly offset: number;
  /** abs32 stores target + addend; rel32 stores target + addend - (address of the field). */
  readonly type: "abs32" | "rel32";
  readonly target: Target;
  readonly addend: number;
  /** The instruction or directive, for error messages. */
  readonly origin: string;
}

export interface DataChunk {
  readonly kind: "data";
  readonly bytes: number[];
  readonly fixups: Fixup[];
}

/** `jmp label` (condition null) or `jcc label`: rel8 while `long` is false, rel32 once set. */
export interface BranchChunk {
  readonly kind: "branch";
  readonly condition: number | null;
  readonly target: Label;
  long: boolean;
  readonly origin: string;
}

export interface AlignChunk {
  readonly kind: "align";
  readonly alignment: number;
  /** A byte repeated, or "nop": the fewest multi-byte nops (cheap if execution runs through). */
  readonly fill: number | "nop";
}

export type Chunk = DataChunk | BranchChunk | AlignChunk;

export interface Position {
  readonly section: SectionKind;
  readonly chunk: number;
  readonly offset: number;
}

const DEFAULT_ALIGNMENT: Record<SectionKind, number> = { text: 16, rodata: 8, data: 8, bss: 8 };

export class SectionBuffer {
  readonly chunks: Chunk[] = [];
  /** Alignment the section start needs: the default, raised by `align` directives. */
  alignment: number;
  private tail: DataChunk;
  /** Size of every chunk before the tail, with branches short (kept so size() is O(1)). */
  private sizeBeforeTail = 0;

  constructor(readonly kind: SectionKind) {
    this.alignment = DEFAULT_ALIGNMENT[kind];
    this.tail = this.newTail();
  }

  here(): Position {
    return { section: this.kind, chunk: this.chunks.length - 1, offset: this.tail.bytes.length };
  }

  emit(bytes: readonly number[]): void {
    if (this.kind === "bss" && bytes.some((b) => b !== 0)) {
      throw new Error("bss holds no initialized data: only space() and align() are allowed there");
    }
    for (const b of bytes) this.tail.bytes.push(b & 0xff);
  }

  /** Append a 4-byte field that layout fills in from `target`. */
  fixup(type: Fixup["type"], target: Target, addend: number, origin: string): void {
    if (this.kind === "bss") throw new Error(`bss holds no initialized data: ${origin}`);
    this.tail.fixups.push({ offset: this.tail.bytes.length, type, target, addend, origin });
    this.emit([0, 0, 0, 0]);
  }

  branch(condition: number | null, target: Label, origin: string): void {
    if (this.kind === "bss") throw new Error(`bss holds no code: ${origin}`);
    const branch: BranchChunk = { kind: "branch", condition, target, long: false, origin };
    this.closeTail(branch);
  }

  align(alignment: number, fill: number | "nop"): void {
    this.alignment = Math.max(this.alignment, alignment);
    this.closeTail({ kind: "align", alignment, fill });
  }

  /** Size so far with every branch short: exact until relaxation lengthens a branch. */
  size(): number {
    return this.sizeBeforeTail + this.tail.bytes.length;
  }

  /** End the tail data chunk with `chunk` and start a new tail after it. */
  private closeTail(chunk: BranchChunk | AlignChunk): void {
    this.sizeBeforeTail += this.tail.bytes.length;
    this.chunks.push(chunk);
    this.sizeBeforeTail += chunkSize(chunk, this.sizeBeforeTail);
    this.tail = this.newTail();
  }

  private newTail(): DataChunk {
    const chunk: DataChunk = { kind: "data", bytes: [], fixups: [] };
    this.chunks.push(chunk);
    return chunk;
  }
}

export function chunkSize(chunk: Chunk, at: number): number {
  switch (chunk.kind) {
    case "data":
      return chunk.bytes.length;
    case "branch":
      return branchSize(chunk);
    case "align":
      return (chunk.alignment - (at % chunk.alignment)) % chunk.alignment;
  }
}

export function branchSize(branch: BranchChunk): number {
  if (!branch.long) return 2;
  return branch.condition === null ? 5 : 6;
}
