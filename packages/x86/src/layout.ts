/**
 * Layout: from assembled sections to a relocatable `X86Object`.
 *
 * Layer: assembler back end, run once by `Assembler.finish()`. Steps: check that every label in
 * use is bound; relax branches (all start short; any whose target is out of rel8 range, or in
 * another section, becomes near; repeat until nothing changes — lengths only grow, so this
 * terminates); place chunks; write bytes; resolve each 32-bit fixup either in place (a rel32 to
 * a label or symbol in the same section) or as a relocation. References to a label in another
 * section, and every abs32 reference to a label, are relocations against the local section
 * symbol (`.text`, `.rodata`, `.data`, `.bss`) with the label's offset in the addend.
 */

import { nopPadding } from "./encoding.js";
import type {
  ObjectSection,
  ObjectSymbol,
  PlacedData,
  Relocation,
  SectionKind,
  X86Object,
} from "./object.js";
import { SECTION_KINDS } from "./object.js";
import type { Label } from "./operands.js";
import {
  type BranchChunk,
  branchSize,
  type Chunk,
  chunkSize,
  type DataChunk,
  type Fixup,
  type Position,
  type SectionBuffer,
} from "./section.js";

export interface SymbolDefinition {
  readonly name: string;
  readonly binding: "global" | "local";
  readonly position: Position;
}

export interface LayoutInput {
  readonly sections: Readonly<Record<SectionKind, SectionBuffer>>;
  readonly labels: ReadonlyMap<Label, Position>;
  readonly symbols: readonly SymbolDefinition[];
  readonly placed: readonly PlacedData[];
}

export interface Location {
  readonly section: SectionKind;
  readonly offset: number;
}

export interface LayoutResult {
  readonly object: X86Object;
  /** Final section offset of every bound label. */
  readonly labels: ReadonlyMap<Label, Location>;
}

/** Name of the local symbol standing for the start of a section. */
export const sectionSymbol = (kind: SectionKind): string => `.${kind}`;

export function layout(input: LayoutInput): LayoutResult {
  checkLabelsBound(input);
  const starts = {} as Record<SectionKind, number[]>;
  for (const kind of SECTION_KINDS) starts[kind] = relax(input.sections[kind], input.labels);
  const locate = (p: Position): Location => ({
    section: p.section,
    offset: starts[p.section][p.chunk] + p.offset,
  });
  const writer = new ObjectWriter(input, locate);
  const sections = {} as Record<SectionKind, ObjectSection>;
  for (const kind of SECTION_KINDS) sections[kind] = writer.writeSection(input.sections[kind], starts[kind]);
  const labels = new Map<Label, Location>();
  for (const [label, position] of input.labels) labels.set(label, locate(position));
  const object: X86Object = {
    sections,
    symbols: writer.symbols(),
    relocations: writer.relocations,
    placed: input.placed,
  };
  return { object, labels };
}

function checkLabelsBound(input: LayoutInput): void {
  for (const kind of SECTION_KINDS) {
    for (const chunk of input.sections[kind].chunks) {
      for (const [label, origin] of labelUses(chunk)) {
        if (!input.labels.has(label))
          throw new Error(`label#${label.id} is used but never bound (${origin})`);
      }
    }
  }
}

function labelUses(chunk: Chunk): [Label, string][] {
  if (chunk.kind === "branch") return [[chunk.target, chunk.origin]];
  if (chunk.kind !== "data") return [];
  return chunk.fixups.flatMap((f) =>
    "label" in f.target ? [[f.target.label, f.origin] as [Label, string]] : [],
  );
}

/** Grow branches until every one reaches its target; returns the final chunk start offsets. */
function relax(section: SectionBuffer, labels: ReadonlyMap<Label, Position>): number[] {
  for (;;) {
    const starts = chunkStarts(section.chunks);
    let grew = false;
    section.chunks.forEach((chunk, i) => {
      if (chunk.kind !== "branch" || chunk.long) return;
      const target = labels.get(chunk.target)!;
      const displacement = starts[target.chunk] + target.offset - (starts[i] + 2);
      if (target.section !== section.kind || displacement < -128 || displacement > 127) {
        chunk.long = true;
        grew = true;
      }
    });
    if (!grew) return starts;
  }
}

function chunkStarts(chunks: readonly Chunk[]): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const chunk of chunks) {
    starts.push(at);
    at += chunkSize(chunk, at);
  }
  return starts;
}

class ObjectWriter {
  readonly relocations: Relocation[] = [];
  private readonly defined = new Map<string, Position>();
  private readonly referenced = new Set<string>();

  constructor(
    private readonly input: LayoutInput,
    private readonly locate: (p: Position) => Location,
  ) {
    for (const s of input.symbols) this.defined.set(s.name, s.position);
  }

  writeSection(section: SectionBuffer, starts: readonly number[]): ObjectSection {
    const size = endOf(section.chunks, starts);
    if (section.kind === "bss") return { bytes: new Uint8Array(0), size, align: section.alignment };
    const bytes = new Uint8Array(size);
    section.chunks.forEach((chunk, i) => {
      const view = new Emitted(section.kind, bytes, starts[i]);
      if (chunk.kind === "data") this.writeData(chunk, view);
      else if (chunk.kind === "branch") this.writeBranch(chunk, view);
      else writePadding(bytes, starts[i], chunkSize(chunk, starts[i]), chunk.fill);
    });
    return { bytes, size, align: section.alignment };
  }

  symbols(): ObjectSymbol[] {
    const out: ObjectSymbol[] = this.input.symbols.map((s) => {
      const { section, offset } = this.locate(s.position);
      return { name: s.name, section, offset, binding: s.binding };
    });
    for (const name of this.referenced) {
      if (this.defined.has(name)) continue;
      const kind = SECTION_KINDS.find((k) => sectionSymbol(k) === name);
      out.push(
        kind
          ? { name, section: kind, offset: 0, binding: "local" }
          : { name, section: null, offset: 0, binding: "global" },
      );
    }
    return out;
  }

  private writeData(chunk: DataChunk, view: Emitted): void {
    view.bytes.set(chunk.bytes, view.start);
    for (const fixup of chunk.fixups) this.writeFixup(fixup, view.start + fixup.offset, view);
  }

  private writeBranch(branch: BranchChunk, view: Emitted): void {
    const size = branchSize(branch);
    const opcode = branch.long
      ? branch.condition === null
        ? [0xe9]
        : [0x0f, 0x80 + branch.condition]
      : [branch.condition === null ? 0xeb : 0x70 + branch.condition];
    view.bytes.set(opcode, view.start);
    const target = this.locate(this.input.labels.get(branch.target)!);
    if (!branch.long) {
      view.bytes[view.start + 1] = (target.offset - (view.start + 2)) & 0xff;
      return;
    }
    const field = view.start + size - 4;
    this.writeFixup(
      { offset: 0, type: "rel32", target: { label: branch.target }, addend: -4, origin: branch.origin },
      field,
      view,
    );
  }

  /** Fill the 4-byte field at `field`, or leave it zero and record a relocation. */
  private writeFixup(fixup: Fixup, field: number, view: Emitted): void {
    const local = this.localTarget(fixup);
    if (fixup.type === "rel32" && local?.section === view.section) {
      view.writeInt32(field, local.offset + fixup.addend - field);
      return;
    }
    // A label has no name of its own: relocate against its section's symbol instead.
    const [symbol, bias] =
      "label" in fixup.target ? [sectionSymbol(local!.section), local!.offset] : [fixup.target.symbol, 0];
    this.referenced.add(symbol);
    this.relocations.push({
      section: view.section,
      offset: field,
      type: fixup.type,
      symbol,
      addend: (bias + fixup.addend) | 0,
    });
  }

  /** Where the fixup's target is in this object, or null for a symbol defined elsewhere. */
  private localTarget(fixup: Fixup): Location | null {
    const position =
      "label" in fixup.target
        ? this.input.labels.get(fixup.target.label)
        : this.defined.get(fixup.target.symbol);
    return position ? this.locate(position) : null;
  }
}

function writePadding(bytes: Uint8Array, start: number, size: number, fill: number | "nop"): void {
  if (fill === "nop") bytes.set(nopPadding(size), start);
  else bytes.fill(fill, start, start + size);
}

function endOf(chunks: readonly Chunk[], starts: readonly number[]): number {
  const last = chunks.length - 1;
  return starts[last] + chunkSize(chunks[last], starts[last]);
}

/** One chunk's place in the section being written. */
class Emitted {
  constructor(
    readonly section: SectionKind,
    readonly bytes: Uint8Array,
    readonly start: number,
  ) {}

  writeInt32(at: number, value: number): void {
    new DataView(this.bytes.buffer).setInt32(at, value, true);
  }
}
