// Kernel panic: a kernel bug, never a user's doing. Layer: kernel (AssemblyScript). Prints,
// reports exit code 0xDEAD on the debug exit port (the test harness's; nothing on a PC) and
// halts with interrupts off.

import { cli, hlt, outl } from "@sawmill/wasm-x86/assembly/x86";
import { putc, putHex, puts } from "./console";

const DEBUG_EXIT_PORT: u16 = 0x520;
export const PANIC_EXIT_CODE: u32 = 0xdead;

export function panic(message: string, value: u32): void {
  puts("\nKERNEL PANIC: ");
  puts(message);
  putc(0x20);
  putHex(value);
  putc(0x0a);
  outl(DEBUG_EXIT_PORT, PANIC_EXIT_CODE);
  while (true) {
    cli();
    hlt();
  }
}

/** Writes `code` to the debug exit port (test harnesses end the run there). */
export function debugExit(code: u32): void {
  outl(DEBUG_EXIT_PORT, code);
}
