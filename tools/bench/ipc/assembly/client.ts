// The inter-address-space client component: the server in slot 1, debug ports granted.
import { debugExit } from "@sawmill/kernel/assembly/user/sys";
import { measureCalls, REGISTER_TAG } from "./bench";

const SERVER: u32 = 1;

export function main(a: u32, b: u32, c: u32, d: u32): u32 {
  const errors = measureCalls(SERVER, REGISTER_TAG, 0);
  debugExit(errors == 0 ? 0x42 : 0x100 + errors);
  return 0;
}
