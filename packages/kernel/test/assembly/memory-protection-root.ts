// Root task of the protection test: four children, each stopped or kept running by the kernel
// as its memory rights say. C writes to kernel memory (its pager never hears of it); D writes
// to a page root mapped read-only (root answers the write fault read-only again, which does not
// resolve it); E writes to an unmapped page after root took its pager away; F, started last at
// the lowest priority, keeps running and says so — and its own page at the address of D's
// read-only page holds nothing of root's (a task has only what was mapped to it); F then unmaps
// that page from itself (UNMAP_SELF) and faults on it again. Root checks its read-only page is
// unchanged and that no kernel-address fault reached it.
import { getMR, makeTag, receivedTag, replyRecv, tagLabel } from "@sawmill/kernel/assembly/user/ipc";
import {
  FAULT_PRESENT,
  FAULT_USER,
  FAULT_WRITE,
  fpage,
  PAGE_BITS,
  RIGHTS_RO,
} from "@sawmill/kernel/assembly/user/memory";
import { ERROR_OK, threadSetPager } from "@sawmill/kernel/assembly/user/objects";
import { debugExit, debugPrint } from "@sawmill/kernel/assembly/user/sys";
import {
  check,
  childPage,
  childThread,
  faultAddress,
  isPageFault,
  mapReply,
  PAGER,
  printDec,
  rootInit,
  sender,
  spawn,
  takePage,
  waitFirst,
  wasmOf,
} from "./memory-lib";
import { ROLE_KERNEL_WRITE, ROLE_NO_PAGER, ROLE_READ_ONLY, ROLE_SURVIVOR } from "./memory-roles";

const C: u32 = 1;
const D: u32 = 2;
const E: u32 = 3;
const F: u32 = 4;
const KERNEL_MEMORY: u32 = 0x0010_0000;
const USER_BASE: u32 = 0x4000_0000;
const READ_ONLY_AT: u32 = 0x5080_0000;
const UNMAPPED_AT: u32 = 0x50a0_0000;
const MARKER: u32 = 0x0dd0_0002;
const LABEL_NO_PAGER: u32 = 4;

let readOnly: u32 = 0;
let kernelFaults: u32 = 0;
let refused: u32 = 0;
/** F's faults at READ_ONLY_AT: one, and one more after it unmapped that page itself. */
let survivorFaults: u32 = 0;

/**
 * D's faults on its read-only page: both get root's page read-only — which does not make the
 * write possible, so the kernel takes the write fault to the exception path.
 */
function readOnlyFault(): u32 {
  if ((getMR(2) & FAULT_WRITE) != 0) {
    check(getMR(2) == (FAULT_PRESENT | FAULT_WRITE | FAULT_USER), 0x80);
    debugPrint("root: D wrote to its read-only page; answered read-only again\n");
    refused++;
  }
  return mapReply(fpage(readOnly, PAGE_BITS, RIGHTS_RO));
}

function fault(who: u32, address: u32): u32 {
  if (address < USER_BASE) kernelFaults++;
  if (who == F && (address & ~0xfff) == READ_ONLY_AT) survivorFaults++;
  if (who == D && (address & ~0xfff) == READ_ONLY_AT) return readOnlyFault();
  return mapReply(childPage(address));
}

/** A child's report: E asks to lose its pager; F, the survivor, ends the test. */
function report(who: u32, label: u32): u32 {
  if (label == LABEL_NO_PAGER) {
    check(threadSetPager(childThread(who), 0) == ERROR_OK, 0x81);
    return makeTag(0, 0, 0);
  }
  check(who == F, 0x82);
  const intact = load<u32>(wasmOf(readOnly)) == MARKER;
  debugPrint(intact ? "root: the read-only page is unchanged\n" : "root: the read-only page was written\n");
  debugPrint("root: faults at kernel addresses that reached the pager: ");
  printDec(kernelFaults);
  debugPrint("; F's faults on the page it unmapped itself: ");
  printDec(survivorFaults);
  debugPrint("\n");
  debugExit(intact && kernelFaults == 0 && refused == 1 && survivorFaults == 2 ? 0x62 : 0x6d);
  return 0;
}

export function main(archive: u32, archiveSize: u32, firstFree: u32, memoryEnd: u32): u32 {
  rootInit(archive, firstFree, memoryEnd);
  readOnly = takePage();
  store<u32>(wasmOf(readOnly), MARKER);
  spawn(C, 70, ROLE_KERNEL_WRITE, KERNEL_MEMORY, 0);
  spawn(D, 65, ROLE_READ_ONLY, READ_ONLY_AT, 0);
  spawn(E, 60, ROLE_NO_PAGER, UNMAPPED_AT, 0);
  spawn(F, 40, ROLE_SURVIVOR, READ_ONLY_AT, 0);
  waitFirst();
  while (true) {
    const who = sender();
    const reply = isPageFault() ? fault(who, faultAddress()) : report(who, tagLabel(receivedTag()));
    replyRecv(PAGER, reply, 0);
  }
  return 0;
}
