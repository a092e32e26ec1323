// Child of the I/O-port boot test (ports-root.ts): writes a value to the debug value port,
// which it may do only if root granted it the port; then reports to root (slot 1).
// main(value, b, c, n): n is the child's badge.
import { outl } from "@sawmill/wasm-x86/assembly/x86";
import { call, makeTag, setMR } from "@sawmill/kernel/assembly/user/ipc";

const DEBUG_VALUE: u16 = 0x528;
const REPORT: u32 = 1;
export const LABEL_WROTE: u32 = 0x77;

export function main(value: u32, b: u32, c: u32, n: u32): u32 {
  outl(DEBUG_VALUE, value);
  setMR(0, value);
  call(REPORT, makeTag(LABEL_WROTE, 1, 0), 0);
  return 0;
}
