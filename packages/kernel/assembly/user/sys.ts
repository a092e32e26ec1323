// System calls as a component sees them: the `sys` import module (stubs in src/user/stubs.ts).
// Import what you use: `import { debugPutc } from "@sawmill/kernel/assembly/user/sys";` — the
// wasm imports are the component's system-call list, which the configurator reads.
// Every call returns the kernel's error code (0 = OK, see the kernel README).

/** Writes one byte to the kernel console. */
@external("sys", "debug_putc") export declare function debugPutc(byte: u32): u32;
/** Test harnesses only: ends the emulator run with `code`. */
@external("sys", "debug_exit") export declare function debugExit(code: u32): u32;
/** Ends the calling task with `code`. */
@external("sys", "exit") export declare function exit(code: u32): u32;
/** Gives up the rest of the time slice. */
@external("sys", "yield") export declare function yieldSlice(): u32;

/** Writes a string to the kernel console (low byte of each UTF-16 unit). */
export function debugPrint(text: string): void {
  for (let i = 0; i < text.length; i++) debugPutc(text.charCodeAt(i));
}

/** Writes `n` in decimal to the kernel console. */
export function debugPrintDecimal(n: u32): void {
  if (n >= 10) debugPrintDecimal(n / 10);
  debugPutc(0x30 + (n % 10));
}

/** Test programs: unless `ok`, writes "FAIL <what>" (what host tests look for); returns `ok`. */
export function debugCheck(ok: bool, what: string): bool {
  if (ok) return true;
  debugPrint("FAIL ");
  debugPrint(what);
  debugPrint("\n");
  return false;
}
