// Separate placement, client component: slot 1 is a capability to the server's endpoint, badge 7.
import { debugExit } from "@sawmill/kernel/assembly/user/sys";
import { runClient } from "./client";

export function main(a: u32, b: u32, c: u32, d: u32): u32 {
  debugExit(runClient(7, 20, true) == 0 ? 0x51 : 0x5f);
  return 0;
}
