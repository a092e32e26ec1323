// What the memory test's children share: their checks and extra threads. Each extra thread has
// a stack and UTCB in the child's static data, runs the child's exported thread(work), is paged
// by the pager it is given and sends its exceptions to root.
import { threadCreate, threadEntry, threadSetExceptionHandler, threadSetPager, threadSetPriority, threadSetRegisters, threadStart } from "@sawmill/kernel/assembly/user/objects";
import { debugExit, debugPrint } from "@sawmill/kernel/assembly/user/sys";
import { SLOT_ROOT, SLOT_TASK } from "./roles";

export const USER_MEMORY: u32 = 0x5000_0000;
const MAX_WORKERS: u32 = 4;
const STACK: u32 = 8192;
const stacks = memory.data(MAX_WORKERS * STACK, 16);
const utcbs = memory.data(MAX_WORKERS * 512, 512);
/** Their thread capabilities go to slots FIRST_SLOT + i (above the ones roles.ts names). */
const FIRST_SLOT: u32 = 8;

export function check(ok: bool, code: u32): void {
  if (ok) return;
  debugPrint("child: check failed\n");
  debugExit(code);
}

/** Starts thread `i` of this task doing `work` at `priority`, paged by `pager`, exceptions to root. */
export function startWorker(i: u32, work: u32, priority: u32, pager: u32): void {
  const slot = FIRST_SLOT + i;
  const utcb = <u32>utcbs + i * 512;
  store<u32>(utcb, utcb); // the UTCB's self word
  check(threadCreate(SLOT_TASK, slot, threadEntry(), USER_MEMORY + <u32>stacks + (i + 1) * STACK, USER_MEMORY + utcb) == 0, 0x80);
  check(threadSetRegisters(slot, work, 0, 0, 0) == 0, 0x81);
  check(threadSetPriority(slot, priority) == 0, 0x82);
  check(threadSetPager(slot, pager) == 0, 0x83);
  check(threadSetExceptionHandler(slot, SLOT_ROOT) == 0, 0x84);
  check(threadStart(slot) == 0, 0x85);
}

/** A wasm address for a virtual one (component code sees wasm addresses). */
export function wasm(address: u32): usize {
  return <usize>(address - USER_MEMORY);
}
