// A child of the memory tests: the anonymous manager, the stacked manager, or a client that
// pages through both with its region mapper (role = main's first argument, roles.ts).
import { threadEntry, threadCreate, threadSetPager, threadSetExceptionHandler, threadSetPriority, threadSetRegisters, threadStart } from "@sawmill/kernel/assembly/user/objects";
import { getMR } from "@sawmill/kernel/assembly/user/ipc";
import { RIGHTS_RO, RIGHTS_RW } from "@sawmill/kernel/assembly/user/memory";
import { debugExit, debugPrint } from "@sawmill/kernel/assembly/user/sys";
import { printHex } from "../../../kernel/test/assembly/memory-lib";
import { AnonymousManager } from "../../assembly/anonymous";
import { acceptBuffer, offerBuffer } from "../../assembly/buffer";
import { DS_OK, dsOpen, PAGE, serveDataspaces } from "../../assembly/dataspace";
import { attach, serveRegions } from "../../assembly/region-mapper";
import { BACKING, StackedManager, STAMP } from "../../assembly/stacked";
import { INBOX, MANAGED_END, PAGED, ROLE_ANON, ROLE_CLIENT, ROLE_CONSUMER, ROLE_STACKED, SHARED_RO, SHARED_RW, SLOT_ANON, SLOT_CHANNEL, SLOT_FOUR, SLOT_ROOT, SLOT_SERVE, SLOT_TASK, UNATTACHED } from "./roles";

const USER_MEMORY: u32 = 0x5000_0000;
const WORK_SERVE: u32 = 1;
const WORK_PAGING: u32 = 2;
const WORK_UNATTACHED: u32 = 3;
const WORK_PRODUCE: u32 = 4;
const PAGED_PAGES: u32 = 4;

const stacks = memory.data(3 * 8192, 16);
const utcbs = memory.data(3 * 512, 512);
let stacked: StackedManager | null = null;
let pagedId: u32 = 0;

function check(ok: bool, code: u32): void {
  if (ok) return;
  debugPrint("child: check failed\n");
  debugExit(code);
}

/** Starts thread `i` of this task doing `work` at `priority`, paged by `pager`, exceptions to root. */
function worker(i: u32, work: u32, priority: u32, pager: u32): void {
  const slot = 8 + i;
  const utcb = <u32>utcbs + i * 512;
  store<u32>(utcb, utcb);
  check(threadCreate(SLOT_TASK, slot, threadEntry(), USER_MEMORY + <u32>stacks + (i + 1) * 8192, USER_MEMORY + <u32>utcb) == 0, 0x80);
  check(threadSetRegisters(slot, work, 0, 0, 0) == 0, 0x81);
  check(threadSetPriority(slot, priority) == 0, 0x82);
  check(threadSetPager(slot, pager) == 0, 0x83);
  check(threadSetExceptionHandler(slot, SLOT_ROOT) == 0, 0x84);
  check(threadStart(slot) == 0, 0x85);
}

export function main(role: u32, a: u32, b: u32, n: u32): u32 {
  if (role == ROLE_ANON) serveDataspaces(SLOT_SERVE, new AnonymousManager());
  if (role == ROLE_STACKED) {
    const manager = new StackedManager();
    stacked = manager;
    check(manager.attachBacking(SLOT_ANON), 0x86);
    worker(0, WORK_SERVE, 45, SLOT_FOUR);
    serveRegions(SLOT_FOUR, SLOT_ROOT, BACKING, BACKING + 0x1000_0000);
  }
  if (role == ROLE_CLIENT) {
    check(dsOpen(SLOT_FOUR, PAGED_PAGES) == DS_OK, 0x87);
    pagedId = getMR(0);
    check(attach(SLOT_FOUR, pagedId, PAGED, PAGED_PAGES * PAGE, RIGHTS_RW), 0x88);
    check(dsOpen(SLOT_ANON, 1) == DS_OK, 0x89);
    const shared = getMR(0);
    check(attach(SLOT_ANON, shared, SHARED_RW, PAGE, RIGHTS_RW), 0x8a);
    check(attach(SLOT_ANON, shared, SHARED_RO, PAGE, RIGHTS_RO), 0x8b);
    worker(0, WORK_PAGING, 40, SLOT_SERVE);
    worker(1, WORK_UNATTACHED, 30, SLOT_SERVE);
    worker(2, WORK_PRODUCE, 20, SLOT_SERVE);
    serveRegions(SLOT_SERVE, SLOT_ROOT, PAGED, MANAGED_END);
  }
  if (role == ROLE_CONSUMER) consume();
  return 0;
}

/** Client: reads the stacked manager's stamps, writes, reads back; then the shared buffer. */
function paging(): void {
  let good: u32 = 0;
  for (let i: u32 = 0; i < PAGED_PAGES; i++) {
    const page = PAGED + i * PAGE - USER_MEMORY;
    if (load<u32>(page) == (STAMP | (pagedId << 8) | i)) good++;
    store<u32>(page + 4, 0xa000 + i);
    if (load<u32>(page + 4) == 0xa000 + i) good++;
  }
  debugPrint(good == 2 * PAGED_PAGES ? "client: 4 pages through two stacked managers, stamped and writable\n" : "client: unexpected page contents\n");
  store<u32>(SHARED_RW - USER_MEMORY, 0x5eed_f00d, 8);
  debugPrint("client: the read-only view of the shared buffer says ");
  printHex(load<u32>(SHARED_RO - USER_MEMORY, 8));
  debugPrint("\n");
  store<u32>(SHARED_RO - USER_MEMORY, 1, 8); // must fault: the kernel reports it to root
  debugPrint("client: unexpected: wrote the read-only view\n");
}

export function thread(work: u32, b: u32, c: u32, d: u32): u32 {
  if (work == WORK_SERVE) serveDataspaces(SLOT_SERVE, stacked!);
  if (work == WORK_PAGING) paging();
  if (work == WORK_UNATTACHED) {
    debugPrint("client: touching an unattached address\n");
    load<u32>(UNATTACHED - USER_MEMORY);
    debugPrint("client: unexpected: read an unattached address\n");
  }
  if (work == WORK_PRODUCE) produce();
  return 0;
}

/** Client: shares the buffer read-only with the consumer, then gives it page 3 of PAGED for good. */
function produce(): void {
  check(offerBuffer(SLOT_CHANNEL, SHARED_RW, 12, false, false) == 0, 0x8c);
  check(offerBuffer(SLOT_CHANNEL, PAGED + 3 * PAGE, 12, true, true) == 0, 0x8d);
}

/** Consumer: reads both buffers, then tries to write the read-only one. */
function consume(): void {
  check(acceptBuffer(SLOT_SERVE, INBOX, 12) == 0, 0x8e);
  check(acceptBuffer(SLOT_SERVE, INBOX + PAGE, 12) == 0, 0x8f);
  debugPrint("consumer: shared buffer says ");
  printHex(load<u32>(INBOX - USER_MEMORY + 8));
  debugPrint(", granted page says ");
  printHex(load<u32>(INBOX + PAGE - USER_MEMORY + 4));
  debugPrint("\n");
  store<u32>(INBOX + PAGE - USER_MEMORY + 4, 0x600d);
  store<u32>(INBOX - USER_MEMORY + 8, 1); // must fault: the kernel reports it to root
  debugPrint("consumer: unexpected: wrote the read-only buffer\n");
}
