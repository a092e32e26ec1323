// What the test clients share: failure reports, decimal output, ten resolutions of a name, a
// call through a capability.
import { debugPrint, debugPutc, yieldSlice } from "@sawmill/kernel/assembly/user/sys";
import { EchoClient } from "./echo";
import { NameCache } from "./name-cache";
import { NAMES_UNKNOWN } from "./names";

/** Prints "FAIL <what>" (the host test looks for it) unless `ok`. */
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

/** The result of Echo's `increment(x)` through the capability in `slot`, or 0 if a call failed. */
export function incrementThrough(slot: u32, x: u32): u32 {
  const echo = new EchoClient(slot);
  if (echo.bind() != 0 || echo.increment(x) != 0) return 0;
  return echo.result;
}

/**
 * Resolves `text` 10 times, the first once someone has registered it (until then the cache asks
 * the server again after a yield); returns the server calls the 10 cost. All 10 give one slot.
 */
export function resolveTenTimes(names: NameCache, text: string): u32 {
  let before: u32 = 0;
  let status: u32 = NAMES_UNKNOWN;
  while (status == NAMES_UNKNOWN) {
    before = names.serverCalls;
    status = names.resolve(text);
    if (status == NAMES_UNKNOWN) yieldSlice();
  }
  expect(status == 0, "resolve");
  const slot = names.slot;
  for (let i = 0; i < 9; i++) expect(names.resolve(text) == 0 && names.slot == slot, "resolve again");
  return names.serverCalls - before;
}
