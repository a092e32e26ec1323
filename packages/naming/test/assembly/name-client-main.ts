// Naming client component: slot 1 is a capability to the name server. Registers a name,
// resolves it 10 times and reports how many calls reached the server.
import { debugExit, debugPrint, debugPutc } from "@sawmill/kernel/assembly/user/sys";
import { NameCache } from "./name-cache";
import { NAMES_TAKEN, NAMES_UNKNOWN } from "./names";

function printNumber(n: u32): void {
  if (n >= 10) printNumber(n / 10);
  debugPutc(0x30 + (n % 10));
}

function fail(what: string): void {
  debugPrint("FAIL ");
  debugPrint(what);
  debugPrint("\n");
}

export function main(a: u32, b: u32, c: u32, d: u32): u32 {
  const names = new NameCache(1);
  if (names.bind() != 0) fail("bind");
  if (names.register("console", 0x1234) != 0) fail("register");
  if (names.register("console", 7) != NAMES_TAKEN) fail("second register");
  if (names.register("block-device-0", 0x42) != 0) fail("register long");
  const before = names.serverCalls;
  for (let i = 0; i < 10; i++) {
    if (names.resolve("console") != 0 || names.value != 0x1234) fail("resolve console");
  }
  const consoleCalls = names.serverCalls - before;
  for (let i = 0; i < 5; i++) {
    if (names.resolve("block-device-0") != 0 || names.value != 0x42) fail("resolve block");
  }
  if (names.resolve("nobody") != NAMES_UNKNOWN) fail("unknown");
  if (names.resolve("nobody") != NAMES_UNKNOWN) fail("unknown again");
  debugPrint("[client] console: 10 resolutions, server calls ");
  printNumber(consoleCalls);
  debugPrint("; all resolutions, server calls ");
  printNumber(names.serverCalls - before);
  debugPrint("\n");
  debugExit(0x51);
  return 0;
}
