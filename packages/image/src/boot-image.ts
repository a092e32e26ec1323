/**
 * The boot image: the kernel's multiboot ELF with the boot archive loaded beside it.
 *
 * Layer: toolchain, @sawmill/image. Interface: buildBootImage({ kernel, archive }) -> ELF bytes.
 *
 * The archive becomes one more (read-only) PT_LOAD segment at the first 4 KiB-aligned physical
 * address after the kernel's last segment (bss included), so the loader puts it in memory with
 * the kernel and no module support is needed. Its address and size are written into the kernel's
 * 32-bit data words `__boot_archive_address` and `__boot_archive_size` (the kernel defines both,
 * zero-initialised, in its data), so the kernel finds it without parsing boot-loader structures.
 * Invariants: the input image is not modified; the output is a pure function of the input.
 */
import { writeMultibootElf } from "./elf-writer.js";
import { alignUp, PAGE_SIZE } from "./layout.js";
import type { LinkedImage, Segment } from "./linked-image.js";

export const BOOT_ARCHIVE_ADDRESS_SYMBOL = "__boot_archive_address";
export const BOOT_ARCHIVE_SIZE_SYMBOL = "__boot_archive_size";

export interface BootImageInput {
  /** The linked kernel; must define the two boot-archive symbols in a writable segment. */
  readonly kernel: LinkedImage;
  /** A boot archive (writeBootArchive), or any bytes the kernel knows how to read. */
  readonly archive: Uint8Array;
}

export function buildBootImage({ kernel, archive }: BootImageInput): Uint8Array {
  const kernelEnd = kernel.segments.reduce((end, s) => Math.max(end, s.address + s.memSize), 0);
  const address = alignUp(kernelEnd, PAGE_SIZE);
  if (address + archive.length > 0x100000000) {
    throw new Error(
      `boot image: the archive (${archive.length} bytes at 0x${address.toString(16)}) passes 4 GiB`,
    );
  }
  let segments = patchWord(kernel.segments, kernel.symbols, BOOT_ARCHIVE_ADDRESS_SYMBOL, address);
  segments = patchWord(segments, kernel.symbols, BOOT_ARCHIVE_SIZE_SYMBOL, archive.length);
  const archiveSegment: Segment = {
    address,
    bytes: archive,
    memSize: archive.length,
    writable: false,
    executable: false,
  };
  return writeMultibootElf({ ...kernel, segments: [...segments, archiveSegment] });
}

/** Copies of `segments` with the u32 at `symbol` set to `value` (a bss word becomes file bytes). */
function patchWord(
  segments: readonly Segment[],
  symbols: ReadonlyMap<string, number>,
  symbol: string,
  value: number,
): Segment[] {
  const address = symbols.get(symbol);
  if (address === undefined) throw new Error(`boot image: the kernel does not define ${symbol}`);
  const index = segments.findIndex((s) => address >= s.address && address + 4 <= s.address + s.memSize);
  if (index < 0 || !segments[index].writable) {
    throw new Error(
      `boot image: ${symbol} (0x${address.toString(16)}) is not a word in a writable kernel segment`,
    );
  }
  const segment = segments[index];
  const offset = address - segment.address;
  const bytes = new Uint8Array(Math.max(segment.bytes.length, offset + 4));
  bytes.set(segment.bytes);
  new DataView(bytes.buffer).setUint32(offset, value, true);
  return segments.map((s, i) => (i === index ? { ...segment, bytes } : s));
}
