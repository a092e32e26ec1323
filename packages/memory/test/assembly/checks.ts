// Checks the memory test's clients share: the separate client (client-main.ts, its managers
// in other tasks) and the colocated one (colocated-main.ts, the anonymous manager in its own
// task) run the same code; only where the manager lives differs. Each prints one line the
// test looks for, or ends in a fault the monitor reports.
import { debugPrint } from "@sawmill/kernel/assembly/user/sys";
import { RIGHTS_RW } from "@sawmill/kernel/assembly/user/memory";
import { printDec, printHex } from "@sawmill/root/assembly/console";
import * as idl from "@sawmill/idl/assembly/runtime";
import { POOL_PAGES } from "./anonymous";
import { DataspaceClient, dataspaceClient, PAGE } from "./dataspace";
import { attach, detach, RM_OK } from "./region-mapper";
import { DETACHED, REUSED, SHARED_RO, SHARED_RW, SLOT_ANON } from "./roles";
import { check, wasm } from "./workers";

/** 80 rounds of 8 pages: 640 pages through a 64-page pool, and more ids than the manager has (63). */
const ROUNDS: u32 = 80;
const ROUND_PAGES: u32 = 8;

/** The bound client of the manager behind `slot` (the root gave this task both managers). */
export function manager(slot: u32): DataspaceClient {
  const client = dataspaceClient(slot);
  check(client != null, 0x86);
  return client!;
}

/** A new dataspace of `pages` pages at the manager behind `slot`: its id. */
export function open(slot: u32, pages: u32): u32 {
  const client = manager(slot);
  check(client.open(pages) == idl.STATUS_OK, 0x87);
  return client.result;
}

/** Opens, fills and closes far more anonymous pages than the manager's pool holds. */
export function reuse(): void {
  let good: u32 = 0;
  for (let round: u32 = 0; round < ROUNDS; round++) if (fillAndClose(round)) good++;
  debugPrint("client: ");
  printDec(good);
  debugPrint(" of ");
  printDec(ROUNDS);
  debugPrint(" rounds opened, filled and closed ");
  printDec(ROUND_PAGES);
  debugPrint(" zeroed pages (");
  printDec(ROUNDS * ROUND_PAGES);
  debugPrint(" pages through a ");
  printDec(POOL_PAGES);
  debugPrint("-page pool)\n");
}

/** One round: a new dataspace attached, each page found zeroed and written, detached, closed. */
function fillAndClose(round: u32): bool {
  const anon = manager(SLOT_ANON);
  if (anon.open(ROUND_PAGES) != idl.STATUS_OK) return false;
  const id = anon.result;
  if (attach(SLOT_ANON, id, REUSED, ROUND_PAGES * PAGE, RIGHTS_RW) != RM_OK) return false;
  let zeroed = true;
  for (let i: u32 = 0; i < ROUND_PAGES; i++) {
    const page = wasm(REUSED + i * PAGE);
    zeroed = zeroed && load<u32>(page) == 0;
    store<u32>(page, round + 1);
  }
  return zeroed && detach(REUSED) == RM_OK && anon.close(id) == idl.STATUS_OK;
}

/** Writes the shared buffer through its read-write view, reads it through the read-only one, writes that (fault). */
export function views(): void {
  store<u32>(wasm(SHARED_RW + 8), 0x5eed_f00d);
  debugPrint("client: the read-only view of the shared buffer says ");
  printHex(load<u32>(wasm(SHARED_RO + 8)));
  debugPrint("\n");
  store<u32>(wasm(SHARED_RO + 8), 1); // must fault: the kernel reports it to the monitor
  debugPrint("client: unexpected: wrote the read-only view\n");
}

/** Attach, write, detach, read again (fault: the page is unmapped). */
export function detaching(): void {
  check(attach(SLOT_ANON, open(SLOT_ANON, 1), DETACHED, PAGE, RIGHTS_RW) == RM_OK, 0x8e);
  store<u32>(wasm(DETACHED), 0xde7a_c4ed);
  const value = load<u32>(wasm(DETACHED));
  const status = detach(DETACHED);
  debugPrint("client: detached a region that held ");
  printHex(value);
  debugPrint(", status ");
  printHex(status);
  debugPrint("\n");
  load<u32>(wasm(DETACHED)); // must fault: detach unmapped the page and forgot the region
  debugPrint("client: unexpected: read a detached region\n");
}

