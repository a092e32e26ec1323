// The monitor of the memory test: every added thread's exception handler. It reports each
// exception and ends the run once every expected fault came (roles.ts EXPECTED_FAULTS).
// Exceptions stay unanswered, so their threads stay stopped.
import { LABEL_EXCEPTION } from "@sawmill/kernel/assembly/user/devices";
import { getMR, receivedBadge, receivedTag, recv, tagLabel } from "@sawmill/kernel/assembly/user/ipc";
import { debugExit, debugPrint } from "@sawmill/kernel/assembly/user/sys";
import { printDec, printHex } from "@sawmill/root/assembly/console";
import { EXPECTED_FAULTS, SLOT_SERVE } from "./roles";

const EXIT_DONE: u32 = 0x70;

export function main(a: u32, b: u32, c: u32, d: u32): u32 {
  let reported: i32 = 0;
  while (true) {
    if (recv(SLOT_SERVE, 0) != 0 || tagLabel(receivedTag()) != LABEL_EXCEPTION) {
      debugPrint("monitor: unexpected message\n");
      continue;
    }
    report();
    if (EXPECTED_FAULTS.includes(getMR(3))) reported++;
    if (reported == EXPECTED_FAULTS.length) debugExit(EXIT_DONE);
  }
  return 0;
}

function report(): void {
  debugPrint("monitor: exception from component ");
  printDec(receivedBadge());
  debugPrint(": vector ");
  printDec(getMR(0));
  debugPrint(" address ");
  printHex(getMR(3));
  debugPrint(" error ");
  printHex(getMR(2));
  debugPrint("\n");
}
