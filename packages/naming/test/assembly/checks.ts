// What the test clients share: ten resolutions of a name, a call through a capability.
import { debugCheck as expect, yieldSlice } from "@sawmill/kernel/assembly/user/sys";
import { EchoClient } from "./echo";
import { NameCache } from "./name-cache";
import { NAMES_UNKNOWN } from "./names";


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
