// Test helper: builds X86Object literals from raw bytes, standing in for the assembler.
import type { ObjectSymbol, PlacedData, Relocation, SectionKind, X86Object } from "@sawmill/x86";
import type { LinkInput } from "../src/index.js";

export interface ObjectParts {
  readonly name?: string;
  readonly text?: number[];
  readonly rodata?: number[];
  readonly data?: number[];
  readonly bss?: number;
  readonly align?: Partial<Record<SectionKind, number>>;
  readonly symbols?: ObjectSymbol[];
  readonly relocations?: Relocation[];
  readonly placed?: PlacedData[];
}

export function makeObject(parts: ObjectParts): LinkInput {
  const section = (kind: SectionKind, bytes: number[] = []) => ({
    bytes: Uint8Array.from(bytes),
    size: bytes.length,
    align: parts.align?.[kind] ?? 1,
  });
  const object: X86Object = {
    sections: {
      text: section("text", parts.text),
      rodata: section("rodata", parts.rodata),
      data: section("data", parts.data),
      bss: { bytes: new Uint8Array(0), size: parts.bss ?? 0, align: parts.align?.bss ?? 1 },
    },
    symbols: parts.symbols ?? [],
    relocations: parts.relocations ?? [],
    placed: parts.placed ?? [],
  };
  return parts.name === undefined ? object : { ...object, name: parts.name };
}

export function global(name: string, section: SectionKind | null, offset = 0): ObjectSymbol {
  return { name, section, offset, binding: "global" };
}

export function local(name: string, section: SectionKind, offset = 0): ObjectSymbol {
  return { name, section, offset, binding: "local" };
}

export function readU32(bytes: Uint8Array, offset: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(offset, true);
}
