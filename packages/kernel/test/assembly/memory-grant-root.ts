// Root task of the flexpage/grant test: root answers A's faults in a 16 KiB region with one
// 16 KiB flexpage of its own, the send base picking the faulting page (the window of a fault is
// that page); A maps all four pages to B in one item, into B's 32 KiB window; A then grants B
// its second page and loses it (root sees A fault there and refuses, which ends A); B writes
// through the granted page and root finds the write in its own frame; A grants its fourth page
// read-only, and B's write through the mapping it derived from that page, writable before,
// faults. After A's end B still has the granted page but not the pages A had mapped to it.
// Priorities: B 60 > A 50, root 100.
import { getMR, makeTag, replyRecv } from "@sawmill/kernel/assembly/user/ipc";
import {
  FAULT_PRESENT,
  FAULT_USER,
  FAULT_WRITE,
  fpage,
  PAGE_BITS,
  RIGHTS_RW,
} from "@sawmill/kernel/assembly/user/memory";
import { debugExit, debugPrint } from "@sawmill/kernel/assembly/user/sys";
import {
  A,
  B,
  check,
  childPage,
  faultAddress,
  isPageFault,
  mapReply,
  mapReplyAt,
  PAGER,
  rootInit,
  sender,
  startPair,
  takeAligned,
  waitFirst,
  wasmOf,
} from "./memory-lib";
import { ROLE_MAP_MANY, ROLE_RECEIVE_MANY } from "./memory-roles";

const PAGE: u32 = 4096;
const REGION: u32 = 0x5040_0000;
const WINDOW: u32 = 0x5080_0000;
const MARKER: u32 = 0x4a11_0000;

let pages: u32 = 0;
let granted = false;

function setUp(): void {
  pages = takeAligned(4);
  for (let i: u32 = 0; i < 4; i++) store<u32>(wasmOf(pages + i * PAGE), MARKER + i);
  startPair(ROLE_MAP_MANY, REGION, ROLE_RECEIVE_MANY, WINDOW);
}

function fault(who: u32, address: u32): u32 {
  if (who == B && address == WINDOW + 3 * PAGE && !granted) return restrictedWrite();
  if (who == B && address - WINDOW < 8 * PAGE) lostWithA(address);
  const offset = address - REGION;
  if (who != A || offset >= 4 * PAGE) return mapReply(childPage(address));
  if (!granted) return mapReplyAt(fpage(pages, PAGE_BITS + 2, RIGHTS_RW), pages + (offset & ~(PAGE - 1)));
  check(offset >> 12 == 1, 0x91);
  debugPrint("root: A faulted on the page it granted away; refused\n");
  return mapReply(0);
}

/**
 * B wrote through its mapping of A's fourth page after A granted that page on read-only: the
 * grant took the write right from what was derived from it too. Root maps its own page there.
 */
function restrictedWrite(): u32 {
  check(getMR(2) == (FAULT_PRESENT | FAULT_WRITE | FAULT_USER), 0x95);
  check(load<u32>(wasmOf(pages + 3 * PAGE)) == 0x1111, 0x97); // B's write before the grant went through
  debugPrint("root: B's write through a mapping derived from a read-only grant faulted\n");
  return mapReply(fpage(pages + 3 * PAGE, PAGE_BITS, RIGHTS_RW));
}

/** B's fault on a page A had mapped to it: A's end took it away. */
function lostWithA(address: u32): void {
  check(address - WINDOW == 2 * PAGE && granted, 0x94);
  debugPrint("root: B lost the pages A had mapped to it when A ended\n");
  debugExit(0x63);
}

/** B wrote through the granted page: the write is in root's frame and in B's mapped copy. */
function written(): u32 {
  check(getMR(0) == 0x600d, 0x92);
  check(load<u32>(wasmOf(pages + PAGE)) == 0x600d, 0x93);
  check(load<u32>(wasmOf(pages + 3 * PAGE)) == 0x3333, 0x96);
  debugPrint("root: B's write through the granted page reached root's frame\n");
  granted = true;
  return makeTag(0, 0, 0);
}

export function main(archive: u32, archiveSize: u32, firstFree: u32, memoryEnd: u32): u32 {
  rootInit(archive, firstFree, memoryEnd);
  setUp();
  waitFirst();
  while (true) {
    const reply = isPageFault() ? fault(sender(), faultAddress()) : written();
    replyRecv(PAGER, reply, 0);
  }
  return 0;
}
