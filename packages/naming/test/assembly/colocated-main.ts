// Colocated naming: the name server's table and the client cache in one address space (the
// Names stubs generated colocated: a call is a direct call, one capability table), the echo
// service in a task of its own behind slot 5 (badge 9). The library code is the one the
// separate test runs; here the table copies the caller's capability (nothing is received) and
// the cache copies the table's, so the client holds a copy of its own either way.
import {
  debugExit,
  debugPrint,
  debugCheck as expect,
  debugPrintDecimal as printNumber,
} from "@sawmill/kernel/assembly/user/sys";
import { incrementThrough, resolveTenTimes } from "./checks";
import { EchoClient } from "./echo";
import { NameCache } from "./name-cache";
import { NameTable } from "./name-table";
import { serveNames } from "./names";

/** The colocated server's registration key (colocated, not a capability). */
const NAMES: u32 = 1;
/** No receive slot: colocated, every capability is the caller's own (slot 0 is never one). */
const NO_RECEIVE_SLOT: u32 = 0;
const TABLE_SLOTS: u32 = 16;
const ECHO: u32 = 5;
const ECHO_BADGE: u32 = 9;

export function main(a: u32, b: u32, c: u32, d: u32): u32 {
  serveNames(NAMES, new NameTable(NO_RECEIVE_SLOT, TABLE_SLOTS, 4));
  const names = new NameCache(NAMES, 32, 4);
  const other = new NameCache(NAMES, 40, 2);
  expect(names.bind() == 0 && other.bind() == 0, "bind");
  expect(names.register("echo", ECHO) == 0, "register");
  expect(incrementThrough(ECHO, 1) == 2, "the registrant keeps its capability (copied, not moved)");
  const calls = resolveTenTimes(names, "echo");
  const slot = names.slot;
  expect(slot == 32, "the cache's own copy, not the table's or the registrant's slot");
  const echo = new EchoClient(slot);
  expect(echo.bind() == 0 && echo.caller() == 0 && echo.result == ECHO_BADGE, "the registered capability");
  expect(echo.increment(41) == 0, "increment");
  debugPrint("[app] colocated: 10 resolutions, server calls ");
  printNumber(calls);
  debugPrint("; echo.increment(41) = ");
  printNumber(echo.result);
  debugPrint(" through slot ");
  printNumber(slot);
  debugPrint("\n");
  expect(other.resolve("echo") == 0 && names.unregister("echo") == 0, "resolve, then unregister");
  expect(incrementThrough(other.slot, 1) == 2, "the other cache's copy outlives the binding");
  debugExit(0x52);
  return 0;
}
