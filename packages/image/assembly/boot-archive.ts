/**
 * Target-side reader of the boot archive (format: src/boot-archive.ts and the README).
 *
 * Layer: target library (AssemblyScript), shared by the kernel (archive address = physical
 * address) and the root task (address in its physical-memory window).
 * Interface: archiveValid(archive, size); archiveEntryCount; archiveFind(archive, name) /
 * archiveFindBytes(archive, name, length) -> entry index or -1; archiveEntryName (address of
 * its 32-byte name field), archiveEntryOffset, archiveEntrySize, archiveEntryAddress.
 * Everything takes the archive's address and reads it with load<T>; nothing allocates.
 * Callers check archiveValid once; the accessors trust a valid archive.
 */
import { NAME_FIELD_SIZE, nameEquals, nameEqualsBytes } from "./fixed-name";

/** "SAWM", "ILLA" as little-endian words. */
const MAGIC_LOW: u32 = 0x4d574153;
const MAGIC_HIGH: u32 = 0x414c4c49;
export const ARCHIVE_VERSION: u32 = 1;
const HEADER_SIZE: usize = 24;
const DIRECTORY_ENTRY_SIZE: usize = 48;

/** Magic, version, and every entry inside the archive's total size, which fits `size`. */
export function archiveValid(archive: usize, size: u32): bool {
  if (size < <u32>HEADER_SIZE) return false;
  if (load<u32>(archive) != MAGIC_LOW || load<u32>(archive, 4) != MAGIC_HIGH) return false;
  if (load<u32>(archive, 8) != ARCHIVE_VERSION) return false;
  const total = archiveSize(archive);
  const count = archiveEntryCount(archive);
  if (total > size || <u64>HEADER_SIZE + <u64>count * DIRECTORY_ENTRY_SIZE > <u64>total) return false;
  for (let i: u32 = 0; i < count; i++) {
    if (<u64>archiveEntryOffset(archive, i) + archiveEntrySize(archive, i) > <u64>total) return false;
  }
  return true;
}

export function archiveSize(archive: usize): u32 {
  return load<u32>(archive, 16);
}

export function archiveEntryCount(archive: usize): u32 {
  return load<u32>(archive, 12);
}

function directoryEntry(archive: usize, index: u32): usize {
  return archive + HEADER_SIZE + <usize>index * DIRECTORY_ENTRY_SIZE;
}

/** Address of the entry's 32-byte, NUL-padded UTF-8 name. */
export function archiveEntryName(archive: usize, index: u32): usize {
  return directoryEntry(archive, index);
}

/** Offset of the entry's bytes from the archive's start (a multiple of 4096). */
export function archiveEntryOffset(archive: usize, index: u32): u32 {
  return load<u32>(directoryEntry(archive, index) + NAME_FIELD_SIZE);
}

export function archiveEntrySize(archive: usize, index: u32): u32 {
  return load<u32>(directoryEntry(archive, index) + NAME_FIELD_SIZE, 4);
}

/** Address of the entry's first byte. */
export function archiveEntryAddress(archive: usize, index: u32): usize {
  return archive + <usize>archiveEntryOffset(archive, index);
}

/** Index of the entry named `name`, or -1. */
export function archiveFind(archive: usize, name: string): i32 {
  const count = archiveEntryCount(archive);
  for (let i: u32 = 0; i < count; i++) {
    if (nameEquals(archiveEntryName(archive, i), name)) return <i32>i;
  }
  return -1;
}

/** Index of the entry whose name is the `length` UTF-8 bytes at `name`, or -1. */
export function archiveFindBytes(archive: usize, name: usize, length: usize): i32 {
  const count = archiveEntryCount(archive);
  for (let i: u32 = 0; i < count; i++) {
    if (nameEqualsBytes(archiveEntryName(archive, i), name, length)) return <i32>i;
  }
  return -1;
}
