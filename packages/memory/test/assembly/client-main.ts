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
import { offerBuffer, transferBuffer } from "./buffer";
import { detaching, manager, open, reuse, views } from "./checks";
import { PAGE } from "./dataspace";
import { attach, detach, RM_OK, regionCount, serveRegions } from "./region-mapper";
import { STAMP } from "./stacked";
import { badgeOf, CONSUMER, FILLERS, MANAGED_END, PAGED, SHARED_RO, SHARED_RW, SLOT_ANON, SLOT_CHANNEL, SLOT_SERVE, SLOT_STACKED, TRANSFERRED, UNATTACHED } from "./roles";
import { check, startWorker, wasm } from "./workers";

const WORK_PAGING: u32 = 2;
const WORK_UNATTACHED: u32 = 3;
const WORK_DETACH: u32 = 4;
const WORK_PRODUCE: u32 = 5;
const PAGED_PAGES: u32 = 4;
let pagedId: u32 = 0;
let sharedId: u32 = 0;

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
  views();
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
