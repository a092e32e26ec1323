// The inter-address-space mapping client: every call maps one page of its memory to the server,
// whose reply carries the first word it reads through the mapping.
import { getMR } from "@sawmill/kernel/assembly/user/ipc";
import { debugExit } from "@sawmill/kernel/assembly/user/sys";
import { MAP_TAG, measureCalls } from "./bench";

const SERVER: u32 = 1;
const USER_MEMORY: u32 = 0x5000_0000;
const MAGIC: u32 = 0x5eed_1234;
const page = memory.data(4096, 4096);

export function main(a: u32, b: u32, c: u32, d: u32): u32 {
  store<u32>(page, MAGIC); // also faults it in: only a mapped page can be passed on
  const errors = measureCalls(SERVER, MAP_TAG, USER_MEMORY + page);
  debugExit(errors != 0 ? 0x100 + errors : getMR(0) == MAGIC ? 0x42 : 0x200);
  return 0;
}
