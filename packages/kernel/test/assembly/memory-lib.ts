// What the memory boot tests' root tasks share (test/memory.test.ts): root's free memory, child
// tasks started from the boot archive's "child" component and paged on demand by root, and
// the pager's replies. Root receives page faults and the children's reports on one endpoint;
// the badge says which child sent.
import { archiveEntryAddress, archiveEntrySize, archiveFind } from "@sawmill/image/assembly/boot-archive";
import {
  elfEntry,
  elfNextLoad,
  elfProgramHeader,
  elfValid,
  PF_W,
  segmentFilesz,
  segmentFlags,
  segmentMemsz,
  segmentOffset,
  segmentVaddr,
} from "@sawmill/image/assembly/elf";
import {
  getMR,
  makeTag,
  receivedBadge,
  receivedTag,
  recv,
  setMR,
  tagLabel,
} from "@sawmill/kernel/assembly/user/ipc";
import {
  fpage,
  LABEL_PAGE_FAULT,
  mapItem,
  PAGE_BITS,
  RIGHTS_RO,
  RIGHTS_RW,
} from "@sawmill/kernel/assembly/user/memory";
import {
  capCopy,
  endpointCreate,
  ERROR_OK,
  RIGHT_GRANT,
  RIGHT_RECEIVE,
  RIGHT_SEND,
  ROOT_SLOT_FACTORY,
  taskCreate,
  threadCreate,
  threadSetPager,
  threadSetPriority,
  threadSetRegisters,
  threadStart,
} from "@sawmill/kernel/assembly/user/objects";
import { debugExit, debugPrint, debugPutc } from "@sawmill/kernel/assembly/user/sys";

export const USER_MEMORY: u32 = 0x5000_0000;
const WINDOW: u32 = 0xc000_0000;
const PAGE: u32 = 4096;
/** A child's UTCB (stack slot 0's top page) and stack top. */
export const CHILD_UTCB: u32 = 0xbfff_f000;
/** The slot of the report capability in a child's own table. */
export const CHILD_REPORT_SLOT: u32 = 1;
/** Root's endpoint for page faults and reports. */
export const PAGER: u32 = 4;
/** Root's slots for child n: task 20 + 4n, thread 21 + 4n, badged pager cap 22 + 4n (not 14, 15). */
const CHILD_SLOTS: u32 = 20;

let nextFree: u32 = 0;
let memoryEnd: u32 = 0;
let childElf: u32 = 0;

/** A wasm address for a virtual address of this task (component code sees wasm addresses). */
export function wasmOf(virtual: u32): u32 {
  return virtual - USER_MEMORY;
}

export function check(ok: bool, code: u32): void {
  if (ok) return;
  debugPrint("root: check failed\n");
  debugExit(code);
}

export function printHex(value: u32): void {
  debugPrint("0x");
  for (let shift: i32 = 28; shift >= 0; shift -= 4) {
    const digit = (value >> <u32>shift) & 0xf;
    debugPutc(digit < 10 ? 0x30 + digit : 0x57 + digit);
  }
}

export function printDec(value: u32): void {
  if (value >= 10) printDec(value / 10);
  debugPutc(0x30 + (value % 10));
}

/** Root's main calls this first with its start registers. */
export function rootInit(archive: u32, firstFree: u32, end: u32): void {
  nextFree = firstFree;
  memoryEnd = end;
  const base = wasmOf(archive);
  const index = archiveFind(base, "child");
  check(index >= 0, 0xf0);
  childElf = <u32>archiveEntryAddress(base, index);
  check(elfValid(childElf, archiveEntrySize(base, index)), 0xf1);
  check(endpointCreate(ROOT_SLOT_FACTORY, PAGER) == ERROR_OK, 0xf2);
}

/** The window address (virtual) of a fresh zeroed page of root's own memory. */
export function takePage(): u32 {
  check(nextFree < memoryEnd, 0xf3);
  const page = WINDOW + nextFree;
  nextFree += PAGE;
  memory.fill(wasmOf(page), 0, PAGE);
  return page;
}

/** The window address of `pages` fresh zeroed pages aligned to their total size (a power of 2). */
export function takeAligned(pages: u32): u32 {
  while ((nextFree & (pages * PAGE - 1)) != 0) nextFree += PAGE;
  const first = takePage();
  for (let i: u32 = 1; i < pages; i++) takePage();
  return first;
}

/** Starts child `n` (badge n) at `priority`, its main getting (role, a, b, n). */
export function spawn(n: u32, priority: u32, role: u32, a: u32, b: u32): void {
  createChild(n, priority, role, a, b);
  startChild(n);
}

/** Creates child `n` (badge n), paged by root, ready to start; its main gets (role, a, b, n). */
export function createChild(n: u32, priority: u32, role: u32, a: u32, b: u32): void {
  const task = CHILD_SLOTS + 4 * n;
  const thread = task + 1;
  const badged = task + 2;
  check(taskCreate(ROOT_SLOT_FACTORY, task) == ERROR_OK, 0xf4);
  check(threadCreate(task, thread, elfEntry(childElf), CHILD_UTCB, CHILD_UTCB) == ERROR_OK, 0xf5);
  check(capCopy(PAGER, 0, badged, n, RIGHT_SEND) == ERROR_OK, 0xf6);
  giveCap(n, badged, CHILD_REPORT_SLOT, RIGHT_SEND);
  check(threadSetPager(thread, badged) == ERROR_OK, 0xf8);
  check(threadSetPriority(thread, priority) == ERROR_OK, 0xf9);
  check(threadSetRegisters(thread, role, a, b, n) == ERROR_OK, 0xfa);
}

/** Copies root's capability in `slot` into child n's table at `toSlot` with `rights`. */
export function giveCap(n: u32, slot: u32, toSlot: u32, rights: u32): void {
  check(capCopy(slot, CHILD_SLOTS + 4 * n, toSlot, 0, rights) == ERROR_OK, 0xf7);
}

/** The pair startPair makes: child A (badge 1, priority 50) and B (badge 2, priority 60). */
export const A: u32 = 1;
export const B: u32 = 2;
/** Root's endpoint from A to B, and its slot in both children's tables. */
const CHANNEL: u32 = 5;
const CHILD_CHANNEL: u32 = 2;

/**
 * Starts A (role ra, argument x) and B (role rb, argument y) with a new endpoint in slot 2 of
 * both: A may send on it with items, B receives. Each main gets (role, argument, 2, badge).
 * B outranks A, root (the pager, 100) outranks both: the order of events is deterministic.
 */
export function startPair(ra: u32, x: u32, rb: u32, y: u32): void {
  check(endpointCreate(ROOT_SLOT_FACTORY, CHANNEL) == ERROR_OK, 0xfd);
  createChild(A, 50, ra, x, CHILD_CHANNEL);
  createChild(B, 60, rb, y, CHILD_CHANNEL);
  giveCap(A, CHANNEL, CHILD_CHANNEL, RIGHT_SEND | RIGHT_GRANT);
  giveCap(B, CHANNEL, CHILD_CHANNEL, RIGHT_RECEIVE);
  startChild(A);
  startChild(B);
}

export function startChild(n: u32): void {
  check(threadStart(childThread(n)) == ERROR_OK, 0xfb);
}

/** Root's slot of child n's thread capability. */
export function childThread(n: u32): u32 {
  return CHILD_SLOTS + 4 * n + 1;
}

/** Waits for the first message on the pager endpoint. */
export function waitFirst(): void {
  check(recv(PAGER, 0) == ERROR_OK, 0xfc);
}

export function isPageFault(): bool {
  return tagLabel(receivedTag()) == LABEL_PAGE_FAULT;
}

export function sender(): u32 {
  return receivedBadge();
}

/** The default pager: a copy of the child's image, its UTCB, or fresh zeroed memory; 0 = refuse. */
export function childPage(address: u32): u32 {
  const page = address & ~(PAGE - 1);
  if (page == CHILD_UTCB) return utcbPage();
  const image = imagePage(page);
  if (image != 0) return image;
  if (page >= USER_MEMORY && page < CHILD_UTCB) return fpage(takePage(), PAGE_BITS, RIGHTS_RW);
  return 0;
}

/** The reply tag mapping `fp` (a flexpage of root's) to the faulting page, or refusing (fp 0). */
export function mapReply(fp: u32): u32 {
  return fp == 0 ? makeTag(0, 0, 0) : mapReplyAt(fp, fp);
}

/** The reply tag mapping the part of `fp` that `sendBase` selects to the faulting page. */
export function mapReplyAt(fp: u32, sendBase: u32): u32 {
  setMR(0, mapItem(sendBase));
  setMR(1, fp);
  return makeTag(0, 0, 1);
}

export function faultAddress(): u32 {
  return getMR(0);
}

function utcbPage(): u32 {
  const page = takePage();
  store<u32>(wasmOf(page), wasmOf(CHILD_UTCB)); // the UTCB's self word
  return fpage(page, PAGE_BITS, RIGHTS_RW);
}

/** A copy of the child's image bytes in `page` (every segment overlapping it); 0 if none. */
function imagePage(page: u32): u32 {
  let copy: u32 = 0;
  let writable = false;
  for (let i = elfNextLoad(childElf, 0); i >= 0; i = elfNextLoad(childElf, i + 1)) {
    const header = elfProgramHeader(childElf, <u32>i);
    const start = segmentVaddr(header);
    if (page + PAGE <= start || page >= start + segmentMemsz(header)) continue;
    if (copy == 0) copy = takePage();
    writable = writable || (segmentFlags(header) & PF_W) != 0;
    const from = max(page, start);
    const to = min(page + PAGE, start + segmentFilesz(header));
    if (from < to)
      memory.copy(wasmOf(copy) + (from - page), childElf + segmentOffset(header) + (from - start), to - from);
  }
  return copy == 0 ? 0 : fpage(copy, PAGE_BITS, writable ? RIGHTS_RW : RIGHTS_RO);
}
