/**
 * Component images: what the root task loads into a user address space.
 *
 * Layer: toolchain, @sawmill/image. Interface: writeComponentElf(image) -> file bytes.
 *
 * A plain ELF32 i386 ET_EXEC file (elf-file.ts's layout, no prelude, no Multiboot header): one
 * PT_LOAD per segment with p_vaddr = p_paddr = the segment's address, flags R/W/X, p_align 4096.
 * Components are linked at COMPONENT_BASE (0x40000000, the kernel's memory map); link() starts
 * every segment group on a page, so their file offsets are page-aligned and the root task can map
 * file pages straight out of the boot archive.
 */
import { writeElfExecutable } from "./elf-file.js";
import type { LinkedImage } from "./linked-image.js";

/** Where components are linked: the component-image window of every address space. */
export const COMPONENT_BASE = 0x40000000;

export function writeComponentElf(image: LinkedImage): Uint8Array {
  return writeElfExecutable(image, new Uint8Array(0));
}
