// Test component granted nothing: every slot a client would use is empty, so calls fail with
// INVALID_CAP (2). Ends the run with the number of slots it found empty.
import { call, debugExit, debugPrint } from "@sawmill/kernel/assembly/user/sys";
import { printNumber } from "./print";

const INVALID_CAP: u32 = 2;
const SLOTS: u32 = 32;

export function main(a: u32, b: u32, c: u32, d: u32): u32 {
  const first = call(1, 1, 0);
  debugPrint("[stranger] call through slot 1: ");
  debugPrint(first == INVALID_CAP ? "INVALID_CAP" : "unexpected error ");
  if (first != INVALID_CAP) printNumber(first);
  debugPrint("\n");
  let empty: u32 = 0;
  for (let slot: u32 = 1; slot < SLOTS; slot++) {
    if (call(slot, 1, 0) == INVALID_CAP) empty++;
  }
  debugPrint("[stranger] empty slots: ");
  printNumber(empty);
  debugPrint("\n");
  debugExit(empty);
  return 0;
}
