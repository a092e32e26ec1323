/**
 * Address assignment: where every object's sections land in memory.
 *
 * Layer: toolchain, @sawmill/image (first step of `link`).
 *
 * Layout, from `base` upwards, each group starting on a fresh 4 KiB page so a kernel can map it
 * with its own permissions:
 *   text   (all objects' text, in input order)            read + execute
 *   rodata (all objects' rodata)                          read only
 *   data   (all objects' data, then all objects' bss)     read + write; bss is the zero tail
 * Within a group each section starts at a multiple of its own alignment. Empty groups produce
 * no segment, but their sections still get addresses (symbols may point at them).
 */
import type { SectionKind, X86Object } from "@sawmill/x86";
import { LinkError } from "./link-error.js";
import type { Segment } from "./linked-image.js";

export const PAGE_SIZE = 4096;

/** Final address of each section of one object. */
export type SectionAddresses = Readonly<Record<SectionKind, number>>;

export interface Layout {
  /** Indexed like the input objects. */
  readonly sections: readonly SectionAddresses[];
  /** Group segments with bytes still unrelocated (the linker patches them in place). */
  readonly segments: readonly Segment[];
}

export function alignUp(value: number, alignment: number): number {
  return Math.ceil(value / alignment) * alignment;
}

interface Group {
  readonly kinds: readonly SectionKind[];
  readonly writable: boolean;
  readonly executable: boolean;
}

const GROUPS: readonly Group[] = [
  { kinds: ["text"], writable: false, executable: true },
  { kinds: ["rodata"], writable: false, executable: false },
  { kinds: ["data", "bss"], writable: true, executable: false },
];

export function layOut(objects: readonly X86Object[], base: number): Layout {
  if (!Number.isInteger(base) || base < 0 || base % PAGE_SIZE !== 0) {
    throw new LinkError(`base 0x${base.toString(16)} is not a page-aligned address`);
  }
  const addresses = objects.map(() => ({}) as Record<SectionKind, number>);
  const segments: Segment[] = [];
  let cursor = base;
  for (const group of GROUPS) {
    const start = alignUp(cursor, PAGE_SIZE);
    cursor = start;
    for (const kind of group.kinds) {
      objects.forEach((object, index) => {
        const section = object.sections[kind];
        cursor = alignUp(cursor, section.align);
        addresses[index][kind] = cursor;
        cursor += section.size;
      });
    }
    if (cursor > start) segments.push(groupSegment(objects, addresses, group, start, cursor));
  }
  if (cursor > 2 ** 32) throw new LinkError(`image ends at 0x${cursor.toString(16)}, beyond 4 GiB`);
  return { sections: addresses, segments };
}

/** Copies the group's initialized sections into one buffer; bss only extends memSize. */
function groupSegment(
  objects: readonly X86Object[],
  addresses: readonly Record<SectionKind, number>[],
  group: Group,
  start: number,
  end: number,
): Segment {
  let fileEnd = start;
  for (const kind of group.kinds) {
    if (kind === "bss") continue;
    objects.forEach((object, index) => {
      const section = object.sections[kind];
      if (section.size > 0) fileEnd = Math.max(fileEnd, addresses[index][kind] + section.size);
    });
  }
  const bytes = new Uint8Array(fileEnd - start);
  for (const kind of group.kinds) {
    if (kind === "bss") continue;
    objects.forEach((object, index) => {
      const section = object.sections[kind];
      // An empty section may sit past the group's last byte; there is nothing to copy.
      if (section.size > 0) bytes.set(section.bytes, addresses[index][kind] - start);
    });
  }
  return {
    address: start,
    bytes,
    memSize: end - start,
    writable: group.writable,
    executable: group.executable,
  };
}
