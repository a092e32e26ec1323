/**
 * Where the disk loader puts things: the disk's sectors and the low memory the loader uses.
 *
 * Layer: toolchain, @sawmill/image. Shared by the boot sector, the loader and writeDiskImage.
 *
 * Disk (512-byte sectors, LBA):
 *   0            boot sector (MBR): real-mode code, one partition entry, signature 0x55AA
 *   1 … L        the loader (second stage), L = LOADER sectors, loaded to LOADER_ADDRESS
 *   L+1 …        the multiboot ELF, verbatim, zero-padded to a whole sector
 * Low memory while the loader runs (all below 64 KiB except the bounce buffer, so real-mode
 * BIOS calls reach it with segment 0):
 *   0x1000       multiboot information (MULTIBOOT_INFO), memory map from MEMORY_MAP
 *   0x2000       copy of the ELF's program headers (PROGRAM_HEADERS, at most 4 KiB)
 *   ≤ 0x7C00     stack (STACK_TOP, grows down)
 *   0x7C00       boot sector; 0x7E00 the loader, which must end by LOADER_LIMIT
 *   0x10000      bounce buffer: the ELF is read CHUNK_SECTORS at a time here, then copied
 * Invariant: the kernel's segments lie at or above 1 MiB, so loading never overwrites any of this.
 */

export const SECTOR_SIZE = 512;

/** The linker wants a page-aligned base; the boot sector sits 0xC00 into the page (BIOS: 0x7C00). */
export const LINK_BASE = 0x7000;
export const BOOT_SECTOR_ADDRESS = 0x7c00;
export const LOADER_ADDRESS = BOOT_SECTOR_ADDRESS + SECTOR_SIZE;
export const LOADER_LIMIT = 0x10000;
export const STACK_TOP = BOOT_SECTOR_ADDRESS;

export const MULTIBOOT_INFO = 0x1000;
export const MULTIBOOT_INFO_SIZE = 0x80;
export const MEMORY_MAP = 0x1100;
export const MEMORY_MAP_END = 0x2000;
/** One multiboot memory-map entry: size (= 20), base (u64), length (u64), type. */
export const MEMORY_MAP_ENTRY = 24;
export const PROGRAM_HEADERS = 0x2000;
export const PROGRAM_HEADERS_LIMIT = 0x1000;

export const BOUNCE_BUFFER = 0x10000;
/** 64 sectors = 32 KiB per int 13h read: below every BIOS's per-call limit (127 sectors, 64 KiB). */
export const CHUNK_SECTORS = 64;
export const CHUNK_BYTES = CHUNK_SECTORS * SECTOR_SIZE;

/** The kernel must lie above the loader's memory. */
export const KERNEL_LOWEST = 0x100000;

/** GDT selectors: flat 32-bit code and data, and the 16-bit ones used on the way back to real mode. */
export const Selector = { CODE32: 0x08, DATA32: 0x10, CODE16: 0x18, DATA16: 0x20 } as const;
