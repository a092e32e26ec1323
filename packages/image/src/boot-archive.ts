/**
 * The boot archive: the named files (component ELFs, the boot manifest, data) that the boot
 * image carries for the root task.
 *
 * Layer: toolchain, @sawmill/image. Interface: writeBootArchive(entries) -> bytes,
 * readBootArchive(bytes) -> entries (host side, for tests and inspection). The target-side
 * reader is assembly/boot-archive.ts.
 *
 * Format (little-endian):
 *   0    magic "SAWMILLA" (8 bytes)
 *   8    u32 version = 1
 *   12   u32 entry count N
 *   16   u32 total size in bytes: the end of the last entry's bytes (or of the directory)
 *   20   u32 reserved, 0
 *   24   N directory entries of 48 bytes:
 *          +0  name: 32 bytes, UTF-8, NUL-padded, 1–31 bytes, unique
 *          +32 u32 offset of the entry's bytes from the archive start (a multiple of 4096)
 *          +36 u32 size in bytes
 *          +40 u32 flags, 0
 *          +44 u32 reserved, 0
 *   then each entry's bytes, in input order, each starting on a 4 KiB boundary, zero padding
 *   between.
 * Invariants: deterministic (same entries, same bytes); entries never overlap.
 */
import { decodeName, encodeName, NAME_FIELD_SIZE } from "./fixed-name.js";
import { type Format, readFormatHeader, writeFormatHeader } from "./format-header.js";
import { alignUp } from "./layout.js";

export interface ArchiveEntry {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export const ARCHIVE_MAGIC = "SAWMILLA";
export const ARCHIVE_VERSION = 1;
export const ARCHIVE_HEADER_SIZE = 24;
export const ARCHIVE_DIRECTORY_ENTRY_SIZE = 48;
export const ARCHIVE_ALIGN = 4096;
const ARCHIVE_FORMAT: Format = {
  what: "boot archive",
  magic: ARCHIVE_MAGIC,
  version: ARCHIVE_VERSION,
  headerSize: ARCHIVE_HEADER_SIZE,
};

export function writeBootArchive(entries: readonly ArchiveEntry[]): Uint8Array {
  const names = entries.map((entry, i) => encodeName(entry.name, `boot archive entry #${i}`));
  rejectDuplicates(entries);
  const offsets = placeEntries(entries);
  const directoryEnd = ARCHIVE_HEADER_SIZE + ARCHIVE_DIRECTORY_ENTRY_SIZE * entries.length;
  const total = entries.reduce(
    (end, entry, i) => Math.max(end, offsets[i] + entry.bytes.length),
    directoryEnd,
  );
  if (total > 0xffffffff) throw new Error(`boot archive: ${total} bytes do not fit a 32-bit size`);
  const archive = new Uint8Array(total);
  const view = writeFormatHeader(archive, ARCHIVE_FORMAT, entries.length);
  entries.forEach((entry, i) => {
    const at = ARCHIVE_HEADER_SIZE + i * ARCHIVE_DIRECTORY_ENTRY_SIZE;
    archive.set(names[i], at);
    view.setUint32(at + NAME_FIELD_SIZE, offsets[i], true);
    view.setUint32(at + NAME_FIELD_SIZE + 4, entry.bytes.length, true);
    archive.set(entry.bytes, offsets[i]);
  });
  return archive;
}

export function readBootArchive(archive: Uint8Array): ArchiveEntry[] {
  const { view, count, total } = readFormatHeader(archive, ARCHIVE_FORMAT);
  if (ARCHIVE_HEADER_SIZE + count * ARCHIVE_DIRECTORY_ENTRY_SIZE > total) {
    throw new Error(
      `boot archive truncated: ${archive.length} bytes, header says ${total} with ${count} entries`,
    );
  }
  return Array.from({ length: count }, (_, i) => {
    const at = ARCHIVE_HEADER_SIZE + i * ARCHIVE_DIRECTORY_ENTRY_SIZE;
    const name = decodeName(archive.subarray(at, at + NAME_FIELD_SIZE));
    const offset = view.getUint32(at + NAME_FIELD_SIZE, true);
    const size = view.getUint32(at + NAME_FIELD_SIZE + 4, true);
    if (offset + size > total) throw new Error(`boot archive entry "${name}" runs past the archive's end`);
    return { name, bytes: archive.slice(offset, offset + size) };
  });
}

function rejectDuplicates(entries: readonly ArchiveEntry[]): void {
  const seen = new Map<string, number>();
  entries.forEach((entry, i) => {
    const first = seen.get(entry.name);
    if (first !== undefined) {
      throw new Error(`boot archive: entries #${first} and #${i} are both named "${entry.name}"`);
    }
    seen.set(entry.name, i);
  });
}

/** Each entry's offset: the first 4 KiB boundary after the directory or the previous entry. */
function placeEntries(entries: readonly ArchiveEntry[]): number[] {
  let cursor = ARCHIVE_HEADER_SIZE + ARCHIVE_DIRECTORY_ENTRY_SIZE * entries.length;
  return entries.map((entry) => {
    const offset = alignUp(cursor, ARCHIVE_ALIGN);
    cursor = offset + entry.bytes.length;
    return offset;
  });
}
