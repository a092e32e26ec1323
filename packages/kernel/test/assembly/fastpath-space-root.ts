// Root task of the fast path's two-address-space test: the child (fastpath-child.ts, its own
// task, paged on demand by root) is the client; root is pager and server on one endpoint, at
// the child's priority. Requests of 0–5 words come back transformed (word k → word·3 + k +
// badge, label + 1); the child's checksum of the replies is printed, so a kernel with and one
// without the IPC fast path must print the same lines.
import { getMR, makeTag, receivedBadge, receivedTag, replyRecv, setMR, tagLabel, tagWords } from "@sawmill/kernel/assembly/user/ipc";
import { debugExit, debugPrint } from "@sawmill/kernel/assembly/user/sys";
import { childPage, faultAddress, isPageFault, mapReply, PAGER, printHex, rootInit, spawn, waitFirst } from "./memory-lib";

const DONE_LABEL: u32 = 0xd0e;

export function main(archive: u32, archiveSize: u32, firstFree: u32, memoryEnd: u32): u32 {
  rootInit(archive, firstFree, memoryEnd);
  spawn(1, 100, 0, 0, 0);
  waitFirst();
  while (true) {
    if (isPageFault()) {
      replyRecv(PAGER, mapReply(childPage(faultAddress())), 0);
      continue;
    }
    const tag = receivedTag();
    if (tagLabel(tag) == DONE_LABEL) break;
    const words = tagWords(tag);
    for (let k: u32 = 0; k < words; k++) setMR(k, getMR(k) * 3 + k + receivedBadge());
    replyRecv(PAGER, makeTag(tagLabel(tag) + 1, words, 0), 0);
  }
  debugPrint("round trips between two tasks ok, checksum ");
  printHex(getMR(0));
  debugPrint("\n");
  debugExit(getMR(1) == 0 ? 0x42 : getMR(1));
  return 0;
}
