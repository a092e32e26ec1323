// Test components' console output: failures (the test fails on "FAIL") and decimal figures.
import { debugPrint, debugPutc } from "@sawmill/kernel/assembly/user/sys";

export function expect(ok: bool, what: string): void {
  if (ok) return;
  debugPrint("FAIL ");
  debugPrint(what);
  debugPrint("\n");
}

export function printNumber(n: u32): void {
  if (n >= 10) printNumber(n / 10);
  debugPutc(0x30 + (n % 10));
}
