// Test component granted nothing: every slot a client would use is empty, so calls fail with
// INVALID_CAP. Ends the run with the number of slots 1–31 it found empty.
import { call, makeTag } from "@sawmill/kernel/assembly/user/ipc";
import { ERROR_INVALID_CAP } from "@sawmill/kernel/assembly/user/objects";
import { debugExit, debugPrint } from "@sawmill/kernel/assembly/user/sys";
import { printDec } from "../../assembly/console";

const SLOTS: u32 = 32;

export function main(a: u32, b: u32, c: u32, d: u32): u32 {
  const first = call(1, makeTag(1, 0, 0), 0);
  debugPrint("[stranger] call through slot 1: ");
  debugPrint(first == ERROR_INVALID_CAP ? "INVALID_CAP" : "unexpected error ");
  if (first != ERROR_INVALID_CAP) printDec(first);
  debugPrint("\n");
  let empty: u32 = 0;
  for (let slot: u32 = 1; slot < SLOTS; slot++) {
    if (call(slot, makeTag(1, 0, 0), 0) == ERROR_INVALID_CAP) empty++;
  }
  debugPrint("[stranger] empty slots: ");
  printDec(empty);
  debugPrint("\n");
  debugExit(empty);
  return 0;
}
