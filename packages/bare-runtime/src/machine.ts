/**
 * Fixed facts about the bare machine the runtime runs on.
 *
 * Layer: bare-runtime configuration. The debug device's ports are the emulator's contract
 * (@sawmill/emulator); the layout below is this runtime's: the image is linked at IMAGE_BASE, wasm
 * linear memory starts at DEFAULT_MEMORY_BASE, and the VM gets enough RAM for the memory cap.
 */

export { DEBUG_EXIT_PORT, DEBUG_MARKER_PORT, DEBUG_VALUE_PORT } from "@sawmill/emulator";
export const COM1 = 0x3f8;

/** Where the runtime, call table and compiled code are linked (1 MiB, above the BIOS area). */
export const IMAGE_BASE = 0x0010_0000;
/** Where wasm linear memory starts unless the caller chooses otherwise (16 MiB). */
export const DEFAULT_MEMORY_BASE = 0x0100_0000;
/** Default cap on linear memory, in 64 KiB pages (64 MiB): memory.grow beyond it returns -1. */
export const DEFAULT_MAX_MEMORY_PAGES = 1024;
export const WASM_PAGE_SIZE = 0x1_0000;
/** The runtime's stack, shared by the driver and the compiled code. */
export const STACK_SIZE = 0x10_0000;

/** RAM the VM needs so that linear memory at `memoryBase` can reach `maxPages`, in MiB. */
export function requiredMemoryMiB(memoryBase: number, maxPages: number): number {
  const top = memoryBase + maxPages * WASM_PAGE_SIZE;
  return Math.max(32, Math.ceil(top / 0x10_0000) + 1);
}
