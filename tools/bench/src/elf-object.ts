/**
 * Reads an ELF32 i386 relocatable object (what `gcc -m32 -c` writes) into an X86Object.
 *
 * Layer: benchmark tooling, host side. Interface: `readElfObject(bytes, name)` → X86Object, so
 * that gcc's code links with @sawmill/image exactly like our backend's output.
 *
 * What it maps:
 * - Allocated PROGBITS/NOBITS sections by name: `.text*` → text, `.rodata*` → rodata,
 *   `.data*` → data, `.bss*` → bss. Several ELF sections of one kind are concatenated, each
 *   at its own alignment. Non-allocated sections (.comment, notes) and `.eh_frame` (unwind
 *   tables nothing here reads) are dropped, with their relocations.
 * - Symbols: functions, objects and untyped labels keep their names and bindings (weak counts
 *   as global); undefined ones become imports. COMMON symbols get bss space.
 * - Section symbols (what gcc's relocations against static data use) become local symbols
 *   named `<section name>` at the section's offset within its kind.
 * - Relocations: R_386_32 → abs32, R_386_PC32 and R_386_PLT32 → rel32 (a static link has no
 *   PLT). ELF REL relocations keep the addend in the field; it is moved into `addend`.
 * Anything else (other relocation types, absolute symbols, non-i386 objects) is an error that
 * names the object and the item, never silently wrong code.
 */

import type { ObjectSymbol, Relocation, SectionKind, X86Object } from "@sawmill/x86";

const SHT_PROGBITS = 1;
const SHT_SYMTAB = 2;
const SHT_NOBITS = 8;
const SHT_REL = 9;
const SHF_ALLOC = 0x2;
const SHN_UNDEF = 0;
const SHN_ABS = 0xfff1;
const SHN_COMMON = 0xfff2;
const STT_SECTION = 3;
const STT_FILE = 4;
const STB_LOCAL = 0;
const R_386_32 = 1;
const R_386_PC32 = 2;
const R_386_PLT32 = 4;

interface ElfSection {
  readonly index: number;
  readonly name: string;
  readonly type: number;
  readonly flags: number;
  readonly offset: number;
  readonly size: number;
  readonly link: number;
  readonly info: number;
  readonly align: number;
}

interface ElfSymbol {
  readonly name: string;
  readonly value: number;
  readonly size: number;
  readonly type: number;
  readonly binding: number;
  readonly sectionIndex: number;
}

/** Where one kept ELF section went: its kind and its offset inside that kind's section. */
interface Placement {
  readonly kind: SectionKind;
  readonly offset: number;
}

class KindBuilder {
  size = 0;
  align = 1;
  readonly chunks: { offset: number; bytes: Uint8Array }[] = [];

  append(bytes: Uint8Array | null, size: number, align: number): number {
    const offset = alignUp(this.size, align);
    if (bytes !== null) this.chunks.push({ offset, bytes });
    this.size = offset + size;
    this.align = Math.max(this.align, align);
    return offset;
  }

  contents(): Uint8Array {
    const out = new Uint8Array(this.size);
    for (const chunk of this.chunks) out.set(chunk.bytes, chunk.offset);
    return out;
  }
}

/** Converts `bytes` (an ELF32 little-endian i386 ET_REL file called `name` in errors). */
export function readElfObject(bytes: Uint8Array, name: string): X86Object {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  checkHeader(view, name);
  const sections = readSections(view, bytes);
  const kinds = new Map<SectionKind, KindBuilder>();
  const placements = placeSections(sections, bytes, kinds);
  const symtab = sections.find((s) => s.type === SHT_SYMTAB);
  const elfSymbols = symtab === undefined ? [] : readSymbols(view, bytes, symtab, sections);
  const symbols = convertSymbols(elfSymbols, sections, placements, kinds, name);
  const relocations = convertRelocations(view, sections, elfSymbols, placements, kinds, name);
  for (const symbol of sectionSymbols(placements, sections)) symbols.push(symbol);
  return { sections: finishSections(kinds), symbols, relocations, placed: [] };
}

function checkHeader(view: DataView, name: string): void {
  const magic = view.byteLength >= 52 ? view.getUint32(0, false) : 0;
  if (magic !== 0x7f454c46) throw new Error(`${name}: not an ELF file`);
  if (view.getUint8(4) !== 1 || view.getUint8(5) !== 1) {
    throw new Error(`${name}: not a 32-bit little-endian ELF file`);
  }
  if (view.getUint16(16, true) !== 1) throw new Error(`${name}: not a relocatable object (ET_REL)`);
  if (view.getUint16(18, true) !== 3) throw new Error(`${name}: not an i386 object (EM_386)`);
}

function readSections(view: DataView, bytes: Uint8Array): ElfSection[] {
  const tableOffset = view.getUint32(32, true);
  const entrySize = view.getUint16(46, true);
  const count = view.getUint16(48, true);
  const namesIndex = view.getUint16(50, true);
  const raw = Array.from({ length: count }, (_, index) => {
    const at = tableOffset + index * entrySize;
    return {
      index,
      nameOffset: view.getUint32(at, true),
      type: view.getUint32(at + 4, true),
      flags: view.getUint32(at + 8, true),
      offset: view.getUint32(at + 16, true),
      size: view.getUint32(at + 20, true),
      link: view.getUint32(at + 24, true),
      info: view.getUint32(at + 28, true),
      align: Math.max(1, view.getUint32(at + 32, true)),
    };
  });
  const names = raw[namesIndex]!;
  return raw.map(({ nameOffset, ...section }) => ({
    ...section,
    name: cString(bytes, names.offset + nameOffset),
  }));
}

function readSymbols(
  view: DataView,
  bytes: Uint8Array,
  symtab: ElfSection,
  sections: ElfSection[],
): ElfSymbol[] {
  const strings = sections[symtab.link]!;
  const symbols: ElfSymbol[] = [];
  for (let at = symtab.offset; at < symtab.offset + symtab.size; at += 16) {
    const info = view.getUint8(at + 12);
    symbols.push({
      name: cString(bytes, strings.offset + view.getUint32(at, true)),
      value: view.getUint32(at + 4, true),
      size: view.getUint32(at + 8, true),
      type: info & 0xf,
      binding: info >> 4,
      sectionIndex: view.getUint16(at + 14, true),
    });
  }
  return symbols;
}

/** The kind an allocated section's contents belong to, or null when it is dropped. */
function kindOf(section: ElfSection): SectionKind | null {
  if ((section.flags & SHF_ALLOC) === 0) return null;
  if (section.type !== SHT_PROGBITS && section.type !== SHT_NOBITS) return null;
  const name = section.name;
  if (name === ".eh_frame" || name.startsWith(".note")) return null;
  if (name.startsWith(".text")) return "text";
  if (name.startsWith(".rodata")) return "rodata";
  if (name.startsWith(".data")) return "data";
  if (name.startsWith(".bss")) return "bss";
  throw new Error(`allocated section ${name} has no place in an X86Object`);
}

function placeSections(
  sections: ElfSection[],
  bytes: Uint8Array,
  kinds: Map<SectionKind, KindBuilder>,
): Map<number, Placement> {
  const placements = new Map<number, Placement>();
  for (const section of sections) {
    const kind = kindOf(section);
    if (kind === null || section.size === 0) continue;
    const builder = kinds.get(kind) ?? new KindBuilder();
    kinds.set(kind, builder);
    const contents =
      section.type === SHT_NOBITS ? null : bytes.slice(section.offset, section.offset + section.size);
    placements.set(section.index, { kind, offset: builder.append(contents, section.size, section.align) });
  }
  return placements;
}

function convertSymbols(
  elfSymbols: ElfSymbol[],
  sections: ElfSection[],
  placements: Map<number, Placement>,
  kinds: Map<SectionKind, KindBuilder>,
  name: string,
): ObjectSymbol[] {
  const symbols: ObjectSymbol[] = [];
  for (const symbol of elfSymbols.slice(1)) {
    if (symbol.type === STT_SECTION || symbol.type === STT_FILE || symbol.name === "") continue;
    const binding = symbol.binding === STB_LOCAL ? "local" : "global";
    if (symbol.sectionIndex === SHN_UNDEF) {
      symbols.push({ name: symbol.name, section: null, offset: 0, binding });
    } else if (symbol.sectionIndex === SHN_COMMON) {
      const bss = kinds.get("bss") ?? new KindBuilder();
      kinds.set("bss", bss);
      symbols.push({
        name: symbol.name,
        section: "bss",
        offset: bss.append(null, symbol.size, symbol.value),
        binding,
      });
    } else if (symbol.sectionIndex === SHN_ABS) {
      throw new Error(`${name}: absolute symbol ${symbol.name} is not supported`);
    } else {
      const placement = placements.get(symbol.sectionIndex);
      if (placement === undefined) {
        if (binding === "local") continue; // a label inside a dropped section (e.g. .eh_frame)
        throw new Error(
          `${name}: symbol ${symbol.name} is in dropped section ${sections[symbol.sectionIndex]!.name}`,
        );
      }
      symbols.push({
        name: symbol.name,
        section: placement.kind,
        offset: placement.offset + symbol.value,
        binding,
      });
    }
  }
  return symbols;
}

/** Local symbols standing for the start of each kept section (targets of section-relative relocations). */
function sectionSymbols(placements: Map<number, Placement>, sections: ElfSection[]): ObjectSymbol[] {
  return [...placements].map(([index, placement]) => ({
    name: sections[index]!.name,
    section: placement.kind,
    offset: placement.offset,
    binding: "local" as const,
  }));
}

function convertRelocations(
  view: DataView,
  sections: ElfSection[],
  elfSymbols: ElfSymbol[],
  placements: Map<number, Placement>,
  kinds: Map<SectionKind, KindBuilder>,
  name: string,
): Relocation[] {
  const relocations: Relocation[] = [];
  for (const rel of sections.filter((s) => s.type === SHT_REL)) {
    const target = placements.get(rel.info);
    if (target === undefined) continue; // relocations of a dropped section
    const targetSection = sections[rel.info]!;
    for (let at = rel.offset; at < rel.offset + rel.size; at += 8) {
      const fieldOffset = view.getUint32(at, true);
      const info = view.getUint32(at + 4, true);
      const type = relocationType(info & 0xff, targetSection.name, fieldOffset, name);
      const symbol = elfSymbols[info >>> 8]!;
      const addend = readImplicitAddend(view, targetSection, fieldOffset);
      relocations.push({
        section: target.kind,
        offset: target.offset + fieldOffset,
        type,
        symbol: relocationSymbolName(symbol, sections, placements, name),
        addend,
      });
    }
  }
  clearRelocatedFields(relocations, kinds);
  return relocations;
}

function relocationType(elfType: number, section: string, offset: number, name: string): Relocation["type"] {
  if (elfType === R_386_32) return "abs32";
  if (elfType === R_386_PC32 || elfType === R_386_PLT32) return "rel32";
  throw new Error(`${name}: unsupported relocation type ${elfType} at ${section}+0x${offset.toString(16)}`);
}

function relocationSymbolName(
  symbol: ElfSymbol,
  sections: ElfSection[],
  placements: Map<number, Placement>,
  name: string,
): string {
  if (symbol.type !== STT_SECTION) return symbol.name;
  const section = sections[symbol.sectionIndex]!;
  if (!placements.has(section.index)) {
    throw new Error(`${name}: relocation against dropped section ${section.name}`);
  }
  return section.name;
}

function readImplicitAddend(view: DataView, section: ElfSection, fieldOffset: number): number {
  return view.getInt32(section.offset + fieldOffset, true);
}

/** The addend now lives in the relocation; the field itself starts at zero like the assembler's. */
function clearRelocatedFields(relocations: Relocation[], kinds: Map<SectionKind, KindBuilder>): void {
  for (const relocation of relocations) {
    const builder = kinds.get(relocation.section)!;
    const chunk = builder.chunks.find(
      (c) => relocation.offset >= c.offset && relocation.offset + 4 <= c.offset + c.bytes.length,
    )!;
    chunk.bytes.fill(0, relocation.offset - chunk.offset, relocation.offset - chunk.offset + 4);
  }
}

function finishSections(kinds: Map<SectionKind, KindBuilder>): X86Object["sections"] {
  const section = (kind: SectionKind) => {
    const builder = kinds.get(kind) ?? new KindBuilder();
    const bytes = kind === "bss" ? new Uint8Array(0) : builder.contents();
    return { bytes, size: builder.size, align: builder.align };
  };
  return { text: section("text"), rodata: section("rodata"), data: section("data"), bss: section("bss") };
}

function cString(bytes: Uint8Array, offset: number): string {
  let end = offset;
  while (end < bytes.length && bytes[end] !== 0) end++;
  return new TextDecoder().decode(bytes.subarray(offset, end));
}

function alignUp(value: number, align: number): number {
  return Math.ceil(value / align) * align;
}
