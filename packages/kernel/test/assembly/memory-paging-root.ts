// Root task of the demand-paging test: starts a child whose every page root maps on demand,
// answers its page faults, and checks that the pages the child wrote read back.
import { getMR, replyRecv } from "@sawmill/kernel/assembly/user/ipc";
import { debugExit, debugPrint } from "@sawmill/kernel/assembly/user/sys";
import {
  childPage,
  faultAddress,
  isPageFault,
  mapReply,
  PAGER,
  printDec,
  rootInit,
  spawn,
  waitFirst,
} from "./memory-lib";
import { ROLE_TOUCH } from "./memory-roles";

const TOUCHED: u32 = 0x5020_0000;
const PAGES: u32 = 16;
const PAGE: u32 = 4096;

let faults: u32 = 0;
let touchedFaults: u32 = 0;

function finish(good: u32): void {
  debugPrint("root: child read back ");
  printDec(good);
  debugPrint(" pages; page faults: ");
  printDec(faults);
  debugPrint(", in the touched range: ");
  printDec(touchedFaults);
  debugPrint("\n");
  debugExit(good == PAGES && touchedFaults == PAGES ? 0x60 : 0x6f);
}

export function main(archive: u32, archiveSize: u32, firstFree: u32, memoryEnd: u32): u32 {
  rootInit(archive, firstFree, memoryEnd);
  spawn(1, 50, ROLE_TOUCH, TOUCHED, PAGES);
  waitFirst();
  while (true) {
    if (!isPageFault()) finish(getMR(0));
    const address = faultAddress();
    faults++;
    if (address >= TOUCHED && address < TOUCHED + PAGES * PAGE) touchedFaults++;
    replyRecv(PAGER, mapReply(childPage(address)), 0);
  }
  return 0;
}
