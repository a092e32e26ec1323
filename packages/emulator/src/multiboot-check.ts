/**
 * Checks that a kernel file carries a Multiboot v1 header where loaders look for it.
 *
 * Layer: host, @sawmill/emulator (private). Without a header v86 would silently start the CPU
 * at the reset vector with no BIOS and run garbage until the timeout; we fail early instead.
 */

const MULTIBOOT_MAGIC = 0x1badb002;
const SEARCH_LIMIT = 8192;

export function assertMultiboot(kernel: Uint8Array): void {
  const view = new DataView(kernel.buffer, kernel.byteOffset, kernel.byteLength);
  const end = Math.min(SEARCH_LIMIT, kernel.byteLength) - 12;
  for (let offset = 0; offset <= end; offset += 4) {
    if (view.getUint32(offset, true) !== MULTIBOOT_MAGIC) continue;
    const flags = view.getUint32(offset + 4, true);
    const checksum = view.getUint32(offset + 8, true);
    if ((MULTIBOOT_MAGIC + flags + checksum) >>> 0 === 0) return;
  }
  throw new Error("not a multiboot kernel: no valid Multiboot header in the first 8 KiB");
}
