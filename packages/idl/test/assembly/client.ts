// The test client: every method of Calc through the generated client, then a client generated
// from another version of the interface (calc-v2) that must fail cleanly. The same code runs in
// both placements; `placement` only selects what the mismatched bind reports.

import * as idl from "@sawmill/idl/assembly/runtime";
import {
  ADDRESS_USER_MEMORY,
  ERROR_INVALID_ARGUMENT,
  FPAGE_BASE_MASK,
} from "@sawmill/kernel/assembly/generated/layout";
import { call, makeTag, receivedTag, setCapItem, tagLabel } from "@sawmill/kernel/assembly/user/ipc";
import { fpage } from "@sawmill/kernel/assembly/user/memory";
import { debugPrint } from "@sawmill/kernel/assembly/user/sys";
import { CALC_OUT_OF_RANGE, CALC_OVERFLOW, CalcClient } from "./calc";
import { CalcClient as CalcClientV2 } from "./calc-v2";
import { fillShared, SHARED_SIZE, shared } from "./shared";

export const SERVER_SLOT: u32 = 1;
/** Where a received capability and a received page go (separate placement). */
const RECEIVE_SLOT: u32 = 21;
const RECEIVE_WINDOW: u32 = fpage(0x70000000, 12, 0);

let failures: u32 = 0;

function expect(ok: bool, what: string): void {
  if (ok) return;
  failures++;
  debugPrint("FAIL ");
  debugPrint(what);
  debugPrint("\n");
}

function expectCall(status: u32, client: CalcClient, result: u32, what: string): void {
  expect(status == idl.STATUS_OK && client.result == result, what);
}

function localChecksum(offset: u32, length: u32): u32 {
  let sum: u32 = 0;
  for (let i: u32 = 0; i < length; i++) sum += load<u8>(shared + offset + i);
  return sum;
}

/** Results that are typed items: a capability (used to call again) and a mapped page (read). */
function checkItemResults(calc: CalcClient): void {
  expect(calc.handle(RECEIVE_SLOT) == idl.STATUS_OK, "handle: a capability comes back");
  const again = new CalcClient(calc.result);
  expect(again.bind() == idl.STATUS_OK, "bind through the received capability");
  expectCall(again.add(1, 2), again, 3, "call through the received capability");
  expect(calc.page(0, RECEIVE_WINDOW) == CALC_OUT_OF_RANGE, "page reports OUT_OF_RANGE, no item");
  expect(calc.page(0x5eed1d1, RECEIVE_WINDOW) == idl.STATUS_OK, "page: a mapping comes back");
  const address = (calc.result & FPAGE_BASE_MASK) - ADDRESS_USER_MEMORY;
  expect(load<u32>(address) == 0x5eed1d1, "the mapped page holds the stamp");
}

/**
 * Separate placement only: messages the generated server must survive. A capability sent with
 * a request the dispatch refuses must not block the server's receive slot; a capability reply
 * the kernel cannot deliver (the client's receive slot is taken) must not arrive as an empty OK.
 */
function checkTransportFailures(calc: CalcClient): void {
  setCapItem(0, SERVER_SLOT, 0xff00);
  const refused = call(SERVER_SLOT, makeTag(1, 0, 1), 0); // ping with a capability it does not take
  expect(refused == 0 && tagLabel(receivedTag()) == idl.STATUS_BAD_MESSAGE, "a refused item is BAD_MESSAGE");
  expectCall(calc.adopt(SERVER_SLOT, 3), calc, 20 * 1000 + 3, "adopt after a refused item");
  expect(calc.handle(SERVER_SLOT) == ERROR_INVALID_ARGUMENT, "a capability reply into a taken slot fails");
  expectCall(calc.add(2, 2), calc, 4, "the server goes on after a failed reply");
}

/** Runs every check; returns the number of failures. `badge` = what reset() should report. */
export function runClient(badge: u32, adoptedSlot: u32, separate: bool): u32 {
  fillShared();
  const stale = new CalcClientV2(SERVER_SLOT);
  expect(stale.bind() != idl.STATUS_OK, "bind of another interface version is refused");
  expect(stale.ping() == idl.STATUS_NOT_BOUND, "a refused client cannot call");
  debugPrint("mismatch refused\n");

  const calc = new CalcClient(SERVER_SLOT);
  expect(calc.ping() == idl.STATUS_NOT_BOUND, "calls before bind fail");
  expect(calc.bind() == idl.STATUS_OK, "bind");
  expectCall(calc.ping(), calc, 1, "ping");
  expectCall(calc.ping(), calc, 2, "ping again");
  expectCall(calc.add(40, 2), calc, 42, "add");
  expect(calc.add(0xffffffff, 2) == CALC_OVERFLOW, "add reports OVERFLOW");
  expectCall(calc.mix(10, 3, 6, 7), calc, 49, "mix");
  expectCall(calc.checksum(16, 100), calc, localChecksum(16, 100), "checksum");
  expect(calc.checksum(200, 100) == CALC_OUT_OF_RANGE, "checksum reports OUT_OF_RANGE");
  expect(calc.checksum(SHARED_SIZE, 0) == idl.STATUS_OK && calc.result == 0, "empty range");
  expectCall(calc.manhattan(-3, 4, false), calc, 7, "manhattan");
  expectCall(calc.manhattan(3, -4, true), calc, <u32>-7, "manhattan flipped");
  expectCall(
    calc.sum6(200, 60000, 1000000, -1, 0x0000_0005_0000_0007),
    calc,
    200 + 60000 + 1000000 - 1 + 12,
    "sum6",
  );
  expectCall(calc.adopt(SERVER_SLOT, 9), calc, adoptedSlot * 1000 + 9, "adopt");
  expectCall(calc.reset(), calc, badge, "reset");
  expectCall(calc.ping(), calc, 1, "ping after reset");
  expectCall(calc.fixed(0xabc), calc, 0xabc, "a method with a fixed label");
  checkItemResults(calc);
  if (separate) checkTransportFailures(calc);
  debugPrint(failures == 0 ? "idl client ok\n" : "idl client FAILED\n");
  return failures;
}
