// Test server: answers every "hello" call (label 1) with the caller's badge in MR0, and ends the
// run once two clients have said "done" (label 2) — proof both got their answers.
import { makeTag, receivedBadge, receivedTag, recv, replyRecv, setMR, tagLabel } from "@sawmill/kernel/assembly/user/ipc";
import { debugExit, debugPrint } from "@sawmill/kernel/assembly/user/sys";
import { printDec } from "../../assembly/console";

const SERVICE: u32 = 1;
const DONE: u32 = 2;

export function main(a: u32, b: u32, c: u32, d: u32): u32 {
  debugPrint("[server] serving\n");
  let done = 0;
  let error = recv(SERVICE, 0);
  while (error == 0) {
    const badge = receivedBadge();
    if (tagLabel(receivedTag()) == DONE) {
      if (++done == 2) {
        debugPrint("[server] both clients have their answers\n");
        debugExit(0x5e);
      }
    } else {
      debugPrint("[server] hello from badge ");
      printDec(badge);
      debugPrint("\n");
    }
    setMR(0, badge);
    error = replyRecv(SERVICE, makeTag(0, 1, 0), 0);
  }
  return error;
}
