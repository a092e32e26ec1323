// Root task of the unmap test: root maps a page of its own to child A (as A's pager), A maps it
// on to child B in an IPC map item, root unmaps — and both A's and B's next accesses fault
// (root, their pager, sees each fault and refuses it, which ends the task). Priorities (B 60 >
// A 50, root 100) make the order deterministic: B takes the page, reads it, reports; root
// unmaps; B faults; then A faults.
import { ERROR_OK } from "@sawmill/kernel/assembly/user/objects";
import { getMR, makeTag, replyRecv } from "@sawmill/kernel/assembly/user/ipc";
import { fpage, PAGE_BITS, RIGHTS_RW, unmap } from "@sawmill/kernel/assembly/user/memory";
import { debugExit, debugPrint } from "@sawmill/kernel/assembly/user/sys";
import {
  A,
  B,
  check,
  childPage,
  faultAddress,
  isPageFault,
  mapReply,
  PAGER,
  printHex,
  rootInit,
  sender,
  startPair,
  takePage,
  waitFirst,
  wasmOf,
} from "./memory-lib";
import { ROLE_MAP_ON, ROLE_RECEIVE } from "./memory-roles";

const SHARED: u32 = 0x5040_0000;
const RECEIVED_AT: u32 = 0x5060_0000;
const MARKER: u32 = 0x5eed_0001;

let page: u32 = 0;
let unmapped = false;

function setUp(): void {
  page = takePage();
  store<u32>(wasmOf(page), MARKER);
  startPair(ROLE_MAP_ON, SHARED, ROLE_RECEIVE, RECEIVED_AT);
}

/** B has read the page A mapped to it: revoke everything derived from root's page. */
function revoke(): u32 {
  check(getMR(0) == MARKER, 0x71);
  check(unmap(fpage(page, PAGE_BITS, RIGHTS_RW), 0) == ERROR_OK, 0x72);
  unmapped = true;
  debugPrint("root: unmapped its page from everyone it reached\n");
  return makeTag(0, 0, 0);
}

/** The pager's answer to a fault of child `who` at `address`. */
function fault(who: u32, address: u32): u32 {
  const at = address & ~0xfff;
  if (who == A && at == SHARED) {
    if (!unmapped) return mapReply(fpage(page, PAGE_BITS, RIGHTS_RW));
    debugPrint("root: A faulted on the revoked page at ");
    printHex(address);
    debugPrint("\n");
    check(load<u32>(wasmOf(page)) == MARKER, 0x73);
    debugPrint("root: its own mapping is intact\n");
    debugExit(0x61);
  }
  if (who == B && at == RECEIVED_AT) {
    check(unmapped, 0x74); // B touches it only after the map item arrived
    debugPrint("root: B faulted on the revoked page at ");
    printHex(address);
    debugPrint("\n");
    return mapReply(0);
  }
  return mapReply(childPage(address));
}

export function main(archive: u32, archiveSize: u32, firstFree: u32, memoryEnd: u32): u32 {
  rootInit(archive, firstFree, memoryEnd);
  setUp();
  waitFirst();
  while (true) {
    const reply = isPageFault() ? fault(sender(), faultAddress()) : revoke();
    replyRecv(PAGER, reply, 0);
  }
  return 0;
}
