/**
 * Target-side reader of ELF32 i386 executables: the kernel and the root task load component
 * images (written by src/component-elf.ts) with it.
 *
 * Layer: target library (AssemblyScript), shared by the kernel and the root task.
 * Interface: elfValid(elf, size); elfEntry; elfProgramHeaderCount; elfNextLoad(elf, from) ->
 * index of the next PT_LOAD header at or after `from`, or -1; elfProgramHeader(elf, index) ->
 * its address; segmentOffset/Vaddr/Filesz/Memsz/Flags(header) and the PF_* flag bits;
 * elfTouchesPage(elf, page) and elfFillPage(elf, page, to) -> writable: one 4 KiB page of the
 * loaded image, as a pager maps it.
 * Works on raw addresses, allocates nothing. Callers check elfValid once; the accessors trust it.
 */

const ELF_MAGIC: u32 = 0x464c457f; // "\x7fELF"
const ELFCLASS32: u8 = 1;
const ELFDATA2LSB: u8 = 1;
const ET_EXEC: u16 = 2;
const EM_386: u16 = 3;
const PROGRAM_HEADER_SIZE: u16 = 32;

export const PT_LOAD: u32 = 1;
export const PF_X: u32 = 1;
export const PF_W: u32 = 2;
export const PF_R: u32 = 4;

/**
 * A 32-bit little-endian i386 ET_EXEC whose program headers, and every PT_LOAD's file bytes,
 * lie inside `size` bytes, with filesz <= memsz.
 */
export function elfValid(elf: usize, size: u32): bool {
  if (size < 52 || load<u32>(elf) != ELF_MAGIC) return false;
  if (load<u8>(elf, 4) != ELFCLASS32 || load<u8>(elf, 5) != ELFDATA2LSB) return false;
  if (load<u16>(elf, 16) != ET_EXEC || load<u16>(elf, 18) != EM_386) return false;
  if (load<u16>(elf, 42) != PROGRAM_HEADER_SIZE) return false;
  const count = elfProgramHeaderCount(elf);
  if (<u64>load<u32>(elf, 28) + <u64>count * PROGRAM_HEADER_SIZE > <u64>size) return false;
  for (let i = elfNextLoad(elf, 0); i >= 0; i = elfNextLoad(elf, i + 1)) {
    const header = elfProgramHeader(elf, <u32>i);
    if (<u64>segmentOffset(header) + segmentFilesz(header) > <u64>size) return false;
    if (segmentFilesz(header) > segmentMemsz(header)) return false;
  }
  return true;
}

export function elfEntry(elf: usize): u32 {
  return load<u32>(elf, 24);
}

export function elfProgramHeaderCount(elf: usize): u32 {
  return <u32>load<u16>(elf, 44);
}

export function elfProgramHeader(elf: usize, index: u32): usize {
  return elf + <usize>load<u32>(elf, 28) + <usize>index * PROGRAM_HEADER_SIZE;
}

/** Index of the first PT_LOAD header at or after `from`, or -1: `for (i = elfNextLoad(e, 0); i >= 0; i = elfNextLoad(e, i + 1))`. */
export function elfNextLoad(elf: usize, from: i32): i32 {
  const count = <i32>elfProgramHeaderCount(elf);
  for (let i = from; i < count; i++) {
    if (segmentType(elfProgramHeader(elf, <u32>i)) == PT_LOAD) return i;
  }
  return -1;
}

export function segmentType(header: usize): u32 {
  return load<u32>(header);
}

/** Offset of the segment's bytes in the file. */
export function segmentOffset(header: usize): u32 {
  return load<u32>(header, 4);
}

export function segmentVaddr(header: usize): u32 {
  return load<u32>(header, 8);
}

export function segmentFilesz(header: usize): u32 {
  return load<u32>(header, 16);
}

/** Size in memory; the bytes past filesz are zero. */
export function segmentMemsz(header: usize): u32 {
  return load<u32>(header, 20);
}

/** PF_R | PF_W | PF_X bits. */
export function segmentFlags(header: usize): u32 {
  return load<u32>(header, 24);
}

const PAGE_SIZE: u32 = 4096;

/** Whether a PT_LOAD segment of `elf` covers any byte of the 4 KiB page at virtual address `page`. */
export function elfTouchesPage(elf: usize, page: u32): bool {
  for (let i = elfNextLoad(elf, 0); i >= 0; i = elfNextLoad(elf, i + 1)) {
    if (segmentTouches(elfProgramHeader(elf, <u32>i), page)) return true;
  }
  return false;
}

/**
 * Copies into the 4 KiB at `to` (zeroed by the caller) the file bytes of every PT_LOAD segment
 * on the page at virtual address `page` — what a loader or pager maps there; bytes past a
 * segment's filesz stay zero. Returns whether one of those segments is writable.
 */
export function elfFillPage(elf: usize, page: u32, to: usize): bool {
  let writable = false;
  for (let i = elfNextLoad(elf, 0); i >= 0; i = elfNextLoad(elf, i + 1)) {
    const header = elfProgramHeader(elf, <u32>i);
    if (!segmentTouches(header, page)) continue;
    const start = segmentVaddr(header);
    const from = max(page, start);
    const end = min(<u64>page + PAGE_SIZE, <u64>start + segmentFilesz(header));
    if (<u64>from < end) memory.copy(to + (from - page), elf + segmentOffset(header) + (from - start), <u32>end - from);
    writable = writable || (segmentFlags(header) & PF_W) != 0;
  }
  return writable;
}

function segmentTouches(header: usize, page: u32): bool {
  const start = segmentVaddr(header);
  return <u64>page + PAGE_SIZE > <u64>start && <u64>page < <u64>start + segmentMemsz(header);
}
