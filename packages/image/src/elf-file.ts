/**
 * The one ELF32 i386 executable writer behind SawMill's image formats.
 *
 * Layer: toolchain, @sawmill/image. Interface: writeElfExecutable(image, prelude) -> file bytes.
 * Front ends: writeMultibootElf (prelude = Multiboot header) and writeComponentElf (no prelude).
 *
 * File layout (all little-endian, i386, ET_EXEC, no section headers):
 *   0x00   ELF header (52 bytes)
 *   0x34   program headers, one PT_LOAD per image segment (32 bytes each)
 *   next   the prelude bytes (may be empty), part of no segment
 *   then   segment contents; each at a file offset congruent to its address modulo 4 KiB
 *          (p_align = 4096), zero padding between — so a page-aligned segment starts on a
 *          page-aligned file offset and a loader can map its file pages directly
 * p_paddr = p_vaddr = segment address; bss is memsz > filesz; flags R/W/X from the segment.
 * The output is a pure function of the input: same image and prelude, same bytes.
 */
import type { LinkedImage, Segment } from "./linked-image.js";

export const ELF_HEADER_SIZE = 52;
export const PROGRAM_HEADER_SIZE = 32;
const SECTION_HEADER_SIZE = 40;
const SEGMENT_ALIGN = 4096;

const ET_EXEC = 2;
const EM_386 = 3;
const EV_CURRENT = 1;
const PT_LOAD = 1;
const PF_X = 1;
const PF_W = 2;
const PF_R = 4;

interface Placement {
  readonly segment: Segment;
  readonly fileOffset: number;
}

/** File offset at which the prelude starts for an image of `segmentCount` segments. */
export function preludeOffset(segmentCount: number): number {
  return ELF_HEADER_SIZE + PROGRAM_HEADER_SIZE * segmentCount;
}

export function writeElfExecutable(image: LinkedImage, prelude: Uint8Array): Uint8Array {
  const preludeAt = preludeOffset(image.segments.length);
  const placements = placeSegments(image.segments, preludeAt + prelude.length);
  const fileSize = placements.reduce(
    (end, p) => Math.max(end, p.fileOffset + p.segment.bytes.length),
    preludeAt + prelude.length,
  );
  const file = new Uint8Array(fileSize);
  const view = new DataView(file.buffer);
  writeElfHeader(view, image.entry, image.segments.length);
  placements.forEach((placement, index) => {
    writeProgramHeader(view, ELF_HEADER_SIZE + index * PROGRAM_HEADER_SIZE, placement);
    file.set(placement.segment.bytes, placement.fileOffset);
  });
  file.set(prelude, preludeAt);
  return file;
}

/** Gives each segment a file offset ≡ address (mod 4 KiB), after `start`, in address order. */
function placeSegments(segments: readonly Segment[], start: number): Placement[] {
  let cursor = start;
  return segments.map((segment) => {
    const pageOffset = segment.address % SEGMENT_ALIGN;
    let fileOffset = Math.floor(cursor / SEGMENT_ALIGN) * SEGMENT_ALIGN + pageOffset;
    if (fileOffset < cursor) fileOffset += SEGMENT_ALIGN;
    cursor = fileOffset + segment.bytes.length;
    return { segment, fileOffset };
  });
}

function writeElfHeader(view: DataView, entry: number, segmentCount: number): void {
  const identification = [0x7f, 0x45, 0x4c, 0x46, 1 /* 32-bit */, 1 /* little-endian */, EV_CURRENT];
  identification.forEach((byte, i) => {
    view.setUint8(i, byte);
  });
  view.setUint16(16, ET_EXEC, true);
  view.setUint16(18, EM_386, true);
  view.setUint32(20, EV_CURRENT, true);
  view.setUint32(24, entry, true);
  view.setUint32(28, ELF_HEADER_SIZE, true); // e_phoff
  view.setUint32(32, 0, true); // e_shoff: no section headers
  view.setUint32(36, 0, true); // e_flags
  view.setUint16(40, ELF_HEADER_SIZE, true);
  view.setUint16(42, PROGRAM_HEADER_SIZE, true);
  view.setUint16(44, segmentCount, true);
  // e_shentsize is the standard size although there are no sections: some loaders check it.
  view.setUint16(46, SECTION_HEADER_SIZE, true);
  view.setUint16(48, 0, true); // e_shnum
  view.setUint16(50, 0, true); // e_shstrndx
}

function writeProgramHeader(view: DataView, at: number, { segment, fileOffset }: Placement): void {
  const flags = PF_R | (segment.writable ? PF_W : 0) | (segment.executable ? PF_X : 0);
  view.setUint32(at, PT_LOAD, true);
  view.setUint32(at + 4, fileOffset, true);
  view.setUint32(at + 8, segment.address, true); // p_vaddr
  view.setUint32(at + 12, segment.address, true); // p_paddr
  view.setUint32(at + 16, segment.bytes.length, true);
  view.setUint32(at + 20, segment.memSize, true);
  view.setUint32(at + 24, flags, true);
  view.setUint32(at + 28, SEGMENT_ALIGN, true);
}
