/**
 * Symbol names shared by the kernel's hand-written x86 and its AssemblyScript half.
 *
 * Layer: kernel, host side. The AssemblyScript kernel is compiled with prefix KERNEL_PREFIX, so
 * its export `main` is the symbol `kernel.main`.
 */

export const KERNEL_PREFIX = "kernel.";
export const KERNEL_START = `${KERNEL_PREFIX}__start`;
/** main(multibootInfo, archiveAddress, archiveSize, idleEntry): sets up everything and picks the first thread. */
export const KERNEL_MAIN = `${KERNEL_PREFIX}main`;
/** trap(frame): every interrupt, exception and system call the fast path does not take. */
export const KERNEL_TRAP = `${KERNEL_PREFIX}trap`;
/** panic_trap(kind): a wasm trap inside the kernel. */
export const KERNEL_PANIC_TRAP = `${KERNEL_PREFIX}panic_trap`;
/** abort(message, file, line, column): AssemblyScript's abort inside the kernel. */
export const KERNEL_ABORT = `${KERNEL_PREFIX}abort`;

export const ENTRY = "__kernel_entry";
export const EXIT = "__kernel_exit";
export const IDLE = "__kernel_idle";
/** Patched by @sawmill/image's buildBootImage: where the boot archive was loaded. */
export const BOOT_ARCHIVE_ADDRESS = "__boot_archive_address";
export const BOOT_ARCHIVE_SIZE = "__boot_archive_size";
