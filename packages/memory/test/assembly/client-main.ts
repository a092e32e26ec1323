// The memory test's client: its first thread attaches dataspaces and becomes the region mapper
// (the pager of the others, root its fallback); each worker thread checks something, in
// priority order, and ends in a fault that leaves it stopped:
//   PAGING     open, fill and close far more anonymous pages than the manager's pool holds;
//              fill the region table and get the 17th attach refused; read pages of a
//              stacked-manager dataspace (stamps), write them; read the shared buffer through
//              its read-only view; write that view (fault)
//   UNATTACHED read a managed address no region covers (fault)
//   DETACH     attach, write, detach, read again (fault: the page is unmapped)
//   PRODUCE    share a buffer read-only with the consumer; transfer a dataspace to it; ask the
//              manager for it again (refused) and touch it (fault)
import { fpage, PAGE_BITS, RIGHTS_RO, RIGHTS_RW } from "@sawmill/kernel/assembly/user/memory";
import { debugPrint } from "@sawmill/kernel/assembly/user/sys";
import { ROOT_TASK_SLOT } from "@sawmill/root/assembly/component-slots";
import { printDec, printHex } from "@sawmill/root/assembly/console";
import { POOL_PAGES } from "./anonymous";
import { offerBuffer, transferBuffer } from "./buffer";
import * as idl from "@sawmill/idl/assembly/runtime";
import { DataspaceClient, dataspaceClient, PAGE } from "./dataspace";
import { attach, detach, RM_OK, regionCount, serveRegions } from "./region-mapper";
import { STAMP } from "./stacked";
import { badgeOf, CONSUMER, DETACHED, FILLERS, MANAGED_END, PAGED, REUSED, SHARED_RO, SHARED_RW, SLOT_ANON, SLOT_CHANNEL, SLOT_SERVE, SLOT_STACKED, TRANSFERRED, UNATTACHED } from "./roles";
import { check, startWorker, wasm } from "./workers";

const WORK_PAGING: u32 = 2;
const WORK_UNATTACHED: u32 = 3;
const WORK_DETACH: u32 = 4;
const WORK_PRODUCE: u32 = 5;
const PAGED_PAGES: u32 = 4;
/** 80 rounds of 8 pages: 640 pages through a 64-page pool, and more ids than the manager has (63). */
const ROUNDS: u32 = 80;
const ROUND_PAGES: u32 = 8;
let pagedId: u32 = 0;
let sharedId: u32 = 0;

/** The bound client of the manager behind `slot` (the root gave this task both managers). */
function manager(slot: u32): DataspaceClient {
  const client = dataspaceClient(slot);
  check(client != null, 0x86);
  return client!;
}

/** A new dataspace of `pages` pages at the manager behind `slot`: its id. */
function open(slot: u32, pages: u32): u32 {
  const client = manager(slot);
  check(client.open(pages) == idl.STATUS_OK, 0x87);
  return client.result;
}

export function main(a: u32, b: u32, c: u32, d: u32): u32 {
  pagedId = open(SLOT_STACKED, PAGED_PAGES);
  check(attach(SLOT_STACKED, pagedId, PAGED, PAGED_PAGES * PAGE, RIGHTS_RW) == RM_OK, 0x88);
  sharedId = open(SLOT_ANON, 1);
  check(attach(SLOT_ANON, sharedId, SHARED_RW, PAGE, RIGHTS_RW) == RM_OK, 0x8a);
  check(attach(SLOT_ANON, sharedId, SHARED_RO, PAGE, RIGHTS_RO) == RM_OK, 0x8b);
  startWorker(WORK_PAGING, 40, SLOT_SERVE);
  startWorker(WORK_UNATTACHED, 35, SLOT_SERVE);
  startWorker(WORK_DETACH, 30, SLOT_SERVE);
  startWorker(WORK_PRODUCE, 20, SLOT_SERVE);
  serveRegions(SLOT_SERVE, ROOT_TASK_SLOT, PAGED, MANAGED_END);
  return 0;
}

export function thread(work: u32, b: u32, c: u32, d: u32): u32 {
  if (work == WORK_PAGING) {
    reuse();
    regionLimit();
    paging();
  }
  if (work == WORK_UNATTACHED) {
    debugPrint("client: touching an unattached address\n");
    load<u32>(wasm(UNATTACHED));
    debugPrint("client: unexpected: read an unattached address\n");
  }
  if (work == WORK_DETACH) detaching();
  if (work == WORK_PRODUCE) produce();
  return 0;
}

function reuse(): void {
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

/** Fills the region table with one-page regions; the one past MAX_REGIONS is refused; detaches them. */
function regionLimit(): void {
  let status = RM_OK;
  let fillers: u32 = 0;
  while (status == RM_OK) {
    status = attach(SLOT_ANON, sharedId, FILLERS + fillers * PAGE, PAGE, RIGHTS_RO);
    if (status == RM_OK) fillers++;
  }
  debugPrint("client: ");
  printDec(regionCount());
  debugPrint(" regions attached, the next refused with ");
  printHex(status);
  debugPrint("; overlapping: ");
  printHex(attach(SLOT_ANON, sharedId, SHARED_RW, PAGE, RIGHTS_RW));
  for (let i: u32 = 0; i < fillers; i++) check(detach(FILLERS + i * PAGE) == RM_OK, 0x8c);
  debugPrint("; detached twice: ");
  printHex(detach(FILLERS));
  debugPrint("\n");
}

/** Reads the stacked manager's stamps, writes, reads back; then the shared buffer's views. */
function paging(): void {
  let good: u32 = 0;
  for (let i: u32 = 0; i < PAGED_PAGES; i++) {
    const page = wasm(PAGED + i * PAGE);
    if (load<u32>(page) == (STAMP | (pagedId << 8) | i)) good++;
    store<u32>(page + 4, 0xa000 + i);
    if (load<u32>(page + 4) == 0xa000 + i) good++;
  }
  debugPrint(good == 2 * PAGED_PAGES ? "client: 4 pages through two stacked managers, stamped and writable\n" : "client: unexpected page contents\n");
  store<u32>(wasm(SHARED_RW + 8), 0x5eed_f00d);
  debugPrint("client: the read-only view of the shared buffer says ");
  printHex(load<u32>(wasm(SHARED_RO + 8)));
  debugPrint("\n");
  store<u32>(wasm(SHARED_RO + 8), 1); // must fault: the kernel reports it to the monitor
  debugPrint("client: unexpected: wrote the read-only view\n");
}

function detaching(): void {
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

/** Shares the buffer read-only with the consumer, then gives it a stacked-manager dataspace for good. */
function produce(): void {
  check(offerBuffer(SLOT_CHANNEL, SHARED_RW, 12, false) == 0, 0x8f);
  const id = open(SLOT_STACKED, 1);
  check(attach(SLOT_STACKED, id, TRANSFERRED, PAGE, RIGHTS_RW) == RM_OK, 0x91);
  store<u32>(wasm(TRANSFERRED + 4), 0x7a11_0c8d);
  check(transferBuffer(SLOT_CHANNEL, TRANSFERRED, badgeOf(CONSUMER)) == 0, 0x92);
  debugPrint("client: after the transfer the stacked manager answers ");
  printHex(manager(SLOT_STACKED).map(id, 0, RIGHTS_RW, fpage(TRANSFERRED, PAGE_BITS, RIGHTS_RW)));
  debugPrint("\n");
  load<u32>(wasm(TRANSFERRED)); // must fault: the page went to the consumer, the region is gone
  debugPrint("client: unexpected: read the transferred buffer\n");
}
