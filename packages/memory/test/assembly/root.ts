// Root of the memory test: starts the four children (roles.ts) from the boot archive's "child"
// ELF with the capabilities they need, is their pager of last resort — their image, stacks
// and heap, each child at most BUDGET pages — and their exception handler, on one endpoint
// (the badge says which child, the label which kind of message). It reports each exception
// and ends the run once every expected fault came (roles.ts EXPECTED_FAULTS); exceptions stay
// unanswered, so their threads stay stopped. A protection fault is refused, so it reaches the
// exception handler.
import { archiveEntryAddress, archiveEntrySize, archiveFind } from "@sawmill/image/assembly/boot-archive";
import { elfEntry, elfFillPage, elfTouchesPage, elfValid } from "@sawmill/image/assembly/elf";
import { LABEL_EXCEPTION } from "@sawmill/kernel/assembly/user/devices";
import { getMR, makeTag, receivedBadge, receivedTag, recv, replyRecv, setMR, tagLabel } from "@sawmill/kernel/assembly/user/ipc";
import { FAULT_PRESENT, fpage, LABEL_PAGE_FAULT, mapItem, PAGE_BITS, RIGHTS_RO, RIGHTS_RW } from "@sawmill/kernel/assembly/user/memory";
import { capCopy, endpointCreate, RIGHT_GRANT, RIGHT_RECEIVE, RIGHT_SEND, RIGHT_WRITE, ROOT_SLOT_FACTORY, taskCreate, threadCreate, threadSetExceptionHandler, threadSetPager, threadSetPriority, threadSetRegisters, threadStart } from "@sawmill/kernel/assembly/user/objects";
import { debugExit, debugPrint } from "@sawmill/kernel/assembly/user/sys";
import { printDec, printHex } from "@sawmill/root/assembly/console";
import { ANON, CHILDREN, CLIENT, CONSUMER, EXPECTED_FAULTS, SLOT_ANON, SLOT_CHANNEL, SLOT_MAPPER, SLOT_ROOT, SLOT_SERVE, SLOT_STACKED, SLOT_TASK, STACKED } from "./roles";

const USER_MEMORY: u32 = 0x5000_0000;
const WINDOW: u32 = 0xc000_0000;
const PAGE: u32 = 4096;
const UTCB: u32 = 0xbfff_f000;
/** Pages root hands each child at most: enough for its image, stacks and heap, far less than 640. */
export const BUDGET: u32 = 160;
const PRIORITY: u32 = 50;
const EXIT_DONE: u32 = 0x70;
/**
 * Root's slots (14 and 15 hold its IRQ and I/O-port capabilities): its endpoint, the
 * children's endpoints, then 4 per child (task, thread, badged root).
 */
const ROOT_EP: u32 = 4;
const ANON_EP: u32 = 5;
const STACKED_EP: u32 = 6;
const STACKED_RM: u32 = 7;
const CLIENT_RM: u32 = 8;
const CHANNEL: u32 = 9;
const CHILD_SLOTS: u32 = 20;

let childElf: usize = 0;
let nextFree: u32 = 0;
let memoryEnd: u32 = 0;
const charged = memory.data(4 * (CHILDREN + 1));

function check(ok: bool, code: u32): void {
  if (ok) return;
  debugPrint("root: check failed\n");
  debugExit(code);
}

export function main(archive: u32, archiveSize: u32, firstFree: u32, end: u32): u32 {
  const base = <usize>(archive - USER_MEMORY);
  const index = archiveFind(base, "child");
  check(index >= 0, 0x90);
  childElf = archiveEntryAddress(base, <u32>index);
  check(elfValid(childElf, archiveEntrySize(base, <u32>index)), 0x91);
  nextFree = (firstFree + PAGE - 1) & ~(PAGE - 1);
  memoryEnd = end;
  for (let slot = ROOT_EP; slot <= CHANNEL; slot++) check(endpointCreate(ROOT_SLOT_FACTORY, slot) == 0, 0x92);
  for (let n: u32 = 1; n <= CHILDREN; n++) createChild(n);
  wire();
  for (let n: u32 = 1; n <= CHILDREN; n++) check(threadStart(CHILD_SLOTS + 4 * n + 1) == 0, 0x93);
  serve();
  return 0;
}

/** Child n: a task, its own task capability, root badged n as pager and exception handler, a thread running main(n). */
function createChild(n: u32): void {
  const task = CHILD_SLOTS + 4 * n;
  const thread = task + 1;
  const badged = task + 2;
  check(taskCreate(ROOT_SLOT_FACTORY, task) == 0, 0x94);
  check(capCopy(ROOT_EP, 0, badged, n, RIGHT_SEND) == 0, 0x95);
  give(n, badged, SLOT_ROOT, 0, RIGHT_SEND);
  give(n, task, SLOT_TASK, 0, RIGHT_WRITE);
  check(threadCreate(task, thread, elfEntry(childElf), UTCB, UTCB) == 0, 0x96);
  check(threadSetRegisters(thread, n, 0, 0, 0) == 0, 0x97);
  check(threadSetPriority(thread, PRIORITY) == 0, 0x98);
  check(threadSetPager(thread, badged) == 0, 0x99);
  check(threadSetExceptionHandler(thread, badged) == 0, 0x9a);
}

/** The endpoints between the children; a client's capability to a manager carries the client's number. */
function wire(): void {
  give(ANON, ANON_EP, SLOT_SERVE, 0, RIGHT_SEND | RIGHT_RECEIVE);
  give(STACKED, STACKED_EP, SLOT_SERVE, 0, RIGHT_SEND | RIGHT_RECEIVE);
  give(STACKED, STACKED_RM, SLOT_MAPPER, 0, RIGHT_SEND | RIGHT_RECEIVE);
  give(STACKED, ANON_EP, SLOT_ANON, STACKED, RIGHT_SEND);
  give(CLIENT, CLIENT_RM, SLOT_SERVE, 0, RIGHT_SEND | RIGHT_RECEIVE);
  give(CLIENT, STACKED_EP, SLOT_STACKED, CLIENT, RIGHT_SEND);
  give(CLIENT, ANON_EP, SLOT_ANON, CLIENT, RIGHT_SEND);
  give(CLIENT, CHANNEL, SLOT_CHANNEL, 0, RIGHT_SEND | RIGHT_GRANT);
  give(CONSUMER, CHANNEL, SLOT_SERVE, 0, RIGHT_RECEIVE);
  give(CONSUMER, STACKED_EP, SLOT_STACKED, CONSUMER, RIGHT_SEND);
}

/** Copies root's `slot` into child n's table at `toSlot` with `badge` (0: keep) and `rights`. */
function give(n: u32, slot: u32, toSlot: u32, badge: u32, rights: u32): void {
  check(capCopy(slot, CHILD_SLOTS + 4 * n, toSlot, badge, rights) == 0, 0x9b);
}

function serve(): void {
  let reported: i32 = 0;
  check(recv(ROOT_EP, 0) == 0, 0x9c);
  while (true) {
    const label = tagLabel(receivedTag());
    if (label == LABEL_PAGE_FAULT) {
      replyRecv(ROOT_EP, mapReply(resolve(receivedBadge(), getMR(0), getMR(2))), 0);
      continue;
    }
    if (label == LABEL_EXCEPTION) {
      report();
      if (EXPECTED_FAULTS.includes(getMR(3))) reported++;
      if (reported == EXPECTED_FAULTS.length) debugExit(EXIT_DONE);
    } else debugPrint("root: unexpected message\n");
    recv(ROOT_EP, 0);
  }
}

/** The flexpage (root's window) for child n's fault at `address`, or 0 to refuse it. */
function resolve(n: u32, address: u32, bits: u32): u32 {
  const page = address & ~(PAGE - 1);
  if ((bits & FAULT_PRESENT) != 0) return 0;
  const inImage = elfTouchesPage(childElf, page);
  if (!inImage && (page < USER_MEMORY || page > UTCB)) return refuse(n, address, " is outside its memory");
  const frame = takeFrame(n);
  if (frame == 0) return refuse(n, address, " is over its budget");
  let writable = true;
  if (inImage) writable = elfFillPage(childElf, page, frame - USER_MEMORY);
  if (page == UTCB) store<u32>(frame - USER_MEMORY, UTCB - USER_MEMORY); // the UTCB's self word
  return fpage(frame, PAGE_BITS, writable ? RIGHTS_RW : RIGHTS_RO);
}

/** A zeroed page of root's memory charged to child n (its window address), or 0. */
function takeFrame(n: u32): u32 {
  const count = load<u32>(charged + 4 * n);
  if (count == BUDGET || nextFree >= memoryEnd) return 0;
  store<u32>(charged + 4 * n, count + 1);
  const frame = WINDOW + nextFree;
  nextFree += PAGE;
  memory.fill(frame - USER_MEMORY, 0, PAGE);
  return frame;
}

/** The reply mapping flexpage `fp` at the faulting page, or refusing (fp 0). */
function mapReply(fp: u32): u32 {
  if (fp == 0) return makeTag(0, 0, 0);
  setMR(0, mapItem(fp));
  setMR(1, fp);
  return makeTag(0, 0, 1);
}

function refuse(n: u32, address: u32, why: string): u32 {
  debugPrint("root: child ");
  printDec(n);
  debugPrint(": page fault at ");
  printHex(address);
  debugPrint(why);
  debugPrint("\n");
  return 0;
}

function report(): void {
  debugPrint("root: exception from child ");
  printDec(receivedBadge());
  debugPrint(": vector ");
  printDec(getMR(0));
  debugPrint(" address ");
  printHex(getMR(3));
  debugPrint(" error ");
  printHex(getMR(2));
  debugPrint("\n");
}
