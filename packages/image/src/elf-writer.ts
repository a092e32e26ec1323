/**
 * Multiboot kernels: the ELF executable with the Multiboot v1 header as its prelude.
 *
 * Layer: toolchain, @sawmill/image. Interface: writeMultibootElf(image) -> file bytes.
 *
 * The file is elf-file.ts's layout with the 12-byte Multiboot header right after the program
 * headers: inside the first 8 KiB (where loaders search for it), part of no segment, so it
 * costs no memory at run time. Loaders (v86, QEMU, GRUB) load segments by physical address.
 */
import { preludeOffset, writeElfExecutable } from "./elf-file.js";
import type { LinkedImage } from "./linked-image.js";
import { MULTIBOOT_HEADER_SIZE, MULTIBOOT_SEARCH_LIMIT, multibootHeader } from "./multiboot-header.js";

export function writeMultibootElf(image: LinkedImage): Uint8Array {
  if (preludeOffset(image.segments.length) + MULTIBOOT_HEADER_SIZE > MULTIBOOT_SEARCH_LIMIT) {
    throw new Error(
      `too many segments (${image.segments.length}): the multiboot header would lie past 8 KiB`,
    );
  }
  return writeElfExecutable(image, multibootHeader());
}
