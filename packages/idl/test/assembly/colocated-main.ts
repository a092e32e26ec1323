// Colocated placement: server and client in one address space, the same server and client code.
import { debugExit } from "@sawmill/kernel/assembly/user/sys";
import { serveCalc } from "./calc";
import { MyCalc } from "./calc-impl";
import { runClient } from "./client";

export function main(a: u32, b: u32, c: u32, d: u32): u32 {
  serveCalc(1, new MyCalc(), 20);
  debugExit(runClient(0, 1, false) == 0 ? 0x51 : 0x5f);
  return 0;
}
