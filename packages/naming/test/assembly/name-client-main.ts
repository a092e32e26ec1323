// Naming client component: slot 1 is a send+grant capability to the name server (badge 3).
// Resolves "echo" (registered by the echo service) 10 times and calls the service through the
// capability it got; then the errors (UNKNOWN, TAKEN, NOT_OWNER, FULL) and what unregister does
// to a capability another cache already holds.
import {
  debugExit,
  debugPrint,
  debugCheck as expect,
  debugPrintDecimal as printNumber,
} from "@sawmill/kernel/assembly/user/sys";
import { incrementThrough, resolveTenTimes } from "./checks";
import { EchoClient } from "./echo";
import { NameCache } from "./name-cache";
import { NAMES_FULL, NAMES_NOT_OWNER, NAMES_TAKEN, NAMES_UNKNOWN } from "./names";

const NAME_SERVER: u32 = 1;
/** The badge the echo service gave the capability it registered. */
const ECHO_BADGE: u32 = 7;

/** A name server's refusals; leaves its 4-entry table full ("echo", "echo-2", "f1", "f2"). */
function checkErrors(names: NameCache, echoSlot: u32): void {
  const before = names.serverCalls;
  expect(names.resolve("nobody") == NAMES_UNKNOWN, "unknown");
  expect(names.resolve("nobody") == NAMES_UNKNOWN, "unknown again");
  expect(names.serverCalls - before == 2, "an unknown name is asked for every time");
  expect(names.register("echo", echoSlot) == NAMES_TAKEN, "a taken name");
  expect(names.unregister("echo") == NAMES_NOT_OWNER, "unregister of another's name");
  expect(names.register("echo-2", echoSlot) == 0, "a resolved capability registered again");
  expect(names.register("f1", echoSlot) == 0 && names.register("f2", echoSlot) == 0, "fill");
  expect(names.register("f3", echoSlot) == NAMES_FULL, "a full table");
  expect(names.resolve("echo-2") == 0 && names.slot != echoSlot, "resolve echo-2");
  expect(incrementThrough(names.slot, 1) == 2, "call through echo-2");
}

/** After unregister: a capability already cached elsewhere still works until forgotten. */
function checkUnregister(names: NameCache, other: NameCache, echoSlot: u32): void {
  expect(names.unregister("echo-2") == 0, "unregister");
  expect(names.unregister("echo-2") == NAMES_UNKNOWN, "unregister again");
  expect(other.resolve("f1") == 0, "the other cache resolves f1");
  const cached = other.slot;
  expect(names.unregister("f1") == 0, "unregister f1");
  const before = other.serverCalls;
  expect(other.resolve("f1") == 0 && other.slot == cached, "f1 still cached");
  expect(other.serverCalls == before, "from the cache");
  expect(incrementThrough(cached, 99) == 100, "the cached capability outlives the binding");
  expect(other.forget("f1") && !other.forget("f1"), "forget");
  expect(other.resolve("f1") == NAMES_UNKNOWN, "forgotten: the server is asked");
  // The server emptied the slots of "echo-2" and "f1": both entries take a capability again.
  expect(names.register("f1", echoSlot) == 0 && names.register("f3", echoSlot) == 0, "entries reused");
}

export function main(a: u32, b: u32, c: u32, d: u32): u32 {
  const names = new NameCache(NAME_SERVER, 32, 4);
  const other = new NameCache(NAME_SERVER, 40, 2);
  expect(names.bind() == 0 && other.bind() == 0, "bind");
  const echoCalls = resolveTenTimes(names, "echo");
  const echoSlot = names.slot;
  const echo = new EchoClient(echoSlot);
  expect(echo.bind() == 0, "bind echo through the resolved capability");
  expect(echo.caller() == 0 && echo.result == ECHO_BADGE, "the call came through the registered capability");
  expect(echo.increment(41) == 0, "increment");
  debugPrint("[client] echo: 10 resolutions, server calls ");
  printNumber(echoCalls);
  debugPrint("; echo.increment(41) = ");
  printNumber(echo.result);
  debugPrint(" through the resolved capability\n");
  checkErrors(names, echoSlot);
  checkUnregister(names, other, echoSlot);
  debugPrint("[client] done\n");
  debugExit(0x51);
  return 0;
}
