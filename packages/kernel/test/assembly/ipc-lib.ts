// Shared by the IPC boot-test fixtures (ipc-*-root.ts): checks that end the run with a code, and
// starting a thread of this component (its exported `thread(role, 0, 0, 0)`).
import { debugExit, debugPrint } from "@sawmill/kernel/assembly/user/sys";
import {
  ERROR_OK,
  threadCreate,
  threadEntry,
  threadSetPager,
  threadSetRegisters,
  threadStart,
} from "@sawmill/kernel/assembly/user/objects";

export const USER_MEMORY: u32 = 0x5000_0000;

/** Ends the run with exit code `code` unless `ok`. */
export function check(ok: bool, code: u32): void {
  if (ok) return;
  debugPrint("ipc check failed\n");
  debugExit(code);
}

/**
 * Starts a thread in the task `task` names, its THREAD capability in `slot`: stack top and UTCB
 * at the wasm addresses given (the UTCB 512-aligned; its self word is written here), `pager` the
 * endpoint slot for its page faults (0: none).
 */
export function spawn(task: u32, slot: u32, role: u32, stackTop: u32, utcb: u32, pager: u32): void {
  store<u32>(utcb, utcb);
  check(threadCreate(task, slot, threadEntry(), USER_MEMORY + stackTop, USER_MEMORY + utcb) == ERROR_OK, 1);
  check(threadSetRegisters(slot, role, 0, 0, 0) == ERROR_OK, 2);
  if (pager != 0) check(threadSetPager(slot, pager) == ERROR_OK, 3);
  check(threadStart(slot) == ERROR_OK, 4);
}
