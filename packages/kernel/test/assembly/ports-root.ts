// Root task of the I/O-port isolation test (test/devices.test.ts): child 1 has no grant and
// touches the debug value port (a #GP: the kernel ends it, nothing else notices); child 2 gets
// the port range with IOPORT_GRANT and writes its value, then reports. Root pages both.
import { getMR, receivedTag, replyRecv, tagLabel } from "@sawmill/kernel/assembly/user/ipc";
import { ioportGrant, ROOT_SLOT_IO_PORTS } from "@sawmill/kernel/assembly/user/devices";
import { ERROR_OK } from "@sawmill/kernel/assembly/user/objects";
import { debugExit, debugPrint } from "@sawmill/kernel/assembly/user/sys";
import { check, childPage, childThread, faultAddress, isPageFault, mapReply, PAGER, rootInit, sender, spawn, waitFirst } from "./memory-lib";
import { LABEL_WROTE } from "./ports-child";

const DEBUG_VALUE: u32 = 0x528;
const DENIED: u32 = 1;
const GRANTED: u32 = 2;

export function main(archive: u32, archiveSize: u32, firstFree: u32, memoryEnd: u32): u32 {
  rootInit(archive, firstFree, memoryEnd);
  spawn(DENIED, 60, 0xbad, 0, 0); // runs first; dies at its first port access
  spawn(GRANTED, 50, 0x600d, 0, 0); // runs only once the first child no longer can
  const task = childThread(GRANTED) - 1; // memory-lib keeps a child's task cap just below its thread's
  check(ioportGrant(ROOT_SLOT_IO_PORTS, task, DEBUG_VALUE, 4, 0) == ERROR_OK, 0x10);
  waitFirst();
  while (true) {
    if (!isPageFault()) {
      check(sender() == GRANTED && tagLabel(receivedTag()) == LABEL_WROTE && getMR(0) == 0x600d, 0x11);
      debugPrint("ports: the granted child wrote its value\n");
      debugExit(0x42);
    }
    replyRecv(PAGER, mapReply(childPage(faultAddress())), 0);
  }
  return 0;
}
