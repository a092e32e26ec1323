// The memory test's client: its first thread attaches dataspaces and becomes the region mapper
// (the pager of the others); each worker thread checks something, in priority order, and ends
// in a fault that leaves it stopped (a thread that returns would end the task):
//   PAGING     open, fill and close far more anonymous pages than the manager's pool holds;
//              fill the region table and get the 17th attach refused; read pages of a
//              stacked-manager dataspace (stamps), write them; read the shared buffer through
//              its read-only view; write that view (fault)
//   UNATTACHED read a managed address no region covers (fault)
//   DETACH     attach, write, detach, read again (fault: the page is unmapped)
//   PRODUCE    share a buffer read-only with the consumer; transfer a dataspace to it; ask the
//              manager for it again (refused) and touch it (fault)
import { getMR } from "@sawmill/kernel/assembly/user/ipc";
import { RIGHTS_RO, RIGHTS_RW } from "@sawmill/kernel/assembly/user/memory";
import { debugPrint } from "@sawmill/kernel/assembly/user/sys";
import { printDec, printHex } from "@sawmill/root/assembly/console";
import { POOL_PAGES } from "../../assembly/anonymous";
import { offerBuffer, transferBuffer } from "../../assembly/buffer";
import { DS_OK, dsClose, dsMap, dsOpen, PAGE } from "../../assembly/dataspace";
import { attach, detach, RM_OK, regionCount, serveRegions } from "../../assembly/region-mapper";
import { STAMP } from "../../assembly/stacked";
import { CONSUMER, DETACHED, FILLERS, MANAGED_END, PAGED, REUSED, SHARED_RO, SHARED_RW, SLOT_ANON, SLOT_CHANNEL, SLOT_ROOT, SLOT_SERVE, SLOT_STACKED, TRANSFERRED, UNATTACHED } from "./roles";
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

export function clientMain(): void {
  check(dsOpen(SLOT_STACKED, PAGED_PAGES) == DS_OK, 0x87);
  pagedId = getMR(0);
  check(attach(SLOT_STACKED, pagedId, PAGED, PAGED_PAGES * PAGE, RIGHTS_RW) == RM_OK, 0x88);
  check(dsOpen(SLOT_ANON, 1) == DS_OK, 0x89);
  sharedId = getMR(0);
  check(attach(SLOT_ANON, sharedId, SHARED_RW, PAGE, RIGHTS_RW) == RM_OK, 0x8a);
  check(attach(SLOT_ANON, sharedId, SHARED_RO, PAGE, RIGHTS_RO) == RM_OK, 0x8b);
  startWorker(0, WORK_PAGING, 40, SLOT_SERVE);
  startWorker(1, WORK_UNATTACHED, 35, SLOT_SERVE);
  startWorker(2, WORK_DETACH, 30, SLOT_SERVE);
  startWorker(3, WORK_PRODUCE, 20, SLOT_SERVE);
  serveRegions(SLOT_SERVE, SLOT_ROOT, PAGED, MANAGED_END);
}

export function clientWork(work: u32): void {
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
  if (dsOpen(SLOT_ANON, ROUND_PAGES) != DS_OK) return false;
  const id = getMR(0);
  if (attach(SLOT_ANON, id, REUSED, ROUND_PAGES * PAGE, RIGHTS_RW) != RM_OK) return false;
  let zeroed = true;
  for (let i: u32 = 0; i < ROUND_PAGES; i++) {
    const page = wasm(REUSED + i * PAGE);
    zeroed = zeroed && load<u32>(page) == 0;
    store<u32>(page, round + 1);
  }
  return zeroed && detach(REUSED) == RM_OK && dsClose(SLOT_ANON, id) == DS_OK;
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
  store<u32>(wasm(SHARED_RO + 8), 1); // must fault: the kernel reports it to root
  debugPrint("client: unexpected: wrote the read-only view\n");
}

function detaching(): void {
  check(dsOpen(SLOT_ANON, 1) == DS_OK, 0x8d);
  check(attach(SLOT_ANON, getMR(0), DETACHED, PAGE, RIGHTS_RW) == RM_OK, 0x8e);
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
  check(dsOpen(SLOT_STACKED, 1) == DS_OK, 0x90);
  const id = getMR(0);
  check(attach(SLOT_STACKED, id, TRANSFERRED, PAGE, RIGHTS_RW) == RM_OK, 0x91);
  store<u32>(wasm(TRANSFERRED + 4), 0x7a11_0c8d);
  check(transferBuffer(SLOT_CHANNEL, TRANSFERRED, CONSUMER) == 0, 0x92);
  debugPrint("client: after the transfer the stacked manager answers ");
  printHex(dsMap(SLOT_STACKED, id, 0, RIGHTS_RW, TRANSFERRED));
  debugPrint("\n");
  load<u32>(wasm(TRANSFERRED)); // must fault: the page went to the consumer, the region is gone
  debugPrint("client: unexpected: read the transferred buffer\n");
}
