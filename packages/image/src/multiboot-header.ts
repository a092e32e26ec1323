/**
 * The Multiboot (version 1) header: the 12 bytes a boot loader searches for in the first 8 KiB
 * of a kernel file.
 *
 * Layer: toolchain, @sawmill/image. Used by elf-writer.ts.
 *
 * We request page-aligned modules (flag bit 0) and memory information (bit 1). Bit 16 (address
 * fields in the header) stays clear: loaders take the load addresses from the ELF program headers.
 */

export const MULTIBOOT_MAGIC = 0x1badb002;
export const MULTIBOOT_PAGE_ALIGN = 1 << 0;
export const MULTIBOOT_MEMORY_INFO = 1 << 1;
export const MULTIBOOT_HEADER_SIZE = 12;
/** The header must start within this many bytes of the file, on a 4-byte boundary. */
export const MULTIBOOT_SEARCH_LIMIT = 8192;

export function multibootHeader(): Uint8Array {
  const flags = MULTIBOOT_PAGE_ALIGN | MULTIBOOT_MEMORY_INFO;
  const checksum = -(MULTIBOOT_MAGIC + flags) >>> 0;
  const bytes = new Uint8Array(MULTIBOOT_HEADER_SIZE);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, MULTIBOOT_MAGIC, true);
  view.setUint32(4, flags, true);
  view.setUint32(8, checksum, true);
  return bytes;
}
