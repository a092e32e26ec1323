// Root task of the scheduler test: round robin at one priority (root spins until a thread of
// its priority has run, which only the timer's rotation allows), strict priorities (a lower
// thread runs only while nothing above it is ready) and a timed-out wait preempting it.
import { recv, timeouts } from "@sawmill/kernel/assembly/user/ipc";
import {
  endpointCreate,
  ERROR_OK,
  ERROR_TIMEOUT,
  ROOT_SLOT_FACTORY,
  ROOT_SLOT_TASK,
  threadCreate,
  threadEntry,
  threadSetPriority,
  threadSetRegisters,
  threadStart,
} from "@sawmill/kernel/assembly/user/objects";
import { debugExit, debugPrint } from "@sawmill/kernel/assembly/user/sys";

const USER_MEMORY: u32 = 0x5000_0000;
const ENDPOINT: u32 = 4;
const SPINNER: u32 = 5;
const LOWER: u32 = 6;
const ROLE_SPIN: u32 = 1;
const ROLE_FLAG: u32 = 2;
const counter = memory.data(4, 4);
const flag = memory.data(4, 4);
const stacks = memory.data(2 * 8192, 16);
const utcbs = memory.data(2 * 512, 512);

function check(ok: bool, code: u32): void {
  if (ok) return;
  debugPrint("scheduler check failed\n");
  debugExit(code);
}

/** ROLE_SPIN counts forever; ROLE_FLAG sets the flag, then spins. Neither makes a system call. */
export function thread(role: u32, b: u32, c: u32, d: u32): u32 {
  if (role == ROLE_FLAG) store<u32>(flag, 1);
  while (true) {
    if (role == ROLE_SPIN) store<u32>(counter, load<u32>(counter) + 1);
  }
  return 0;
}

function start(slot: u32, n: u32, role: u32, priority: u32): void {
  const utcb = utcbs + n * 512;
  store<u32>(utcb, utcb);
  const esp = USER_MEMORY + stacks + (n + 1) * 8192;
  check(threadCreate(ROOT_SLOT_TASK, slot, threadEntry(), esp, USER_MEMORY + utcb) == ERROR_OK, 1);
  check(threadSetPriority(slot, priority) == ERROR_OK, 2);
  check(threadSetRegisters(slot, role, 0, 0, 0) == ERROR_OK, 3);
  check(threadStart(slot) == ERROR_OK, 4);
}

export function main(archive: u32, archiveSize: u32, firstFree: u32, memoryEnd: u32): u32 {
  check(endpointCreate(ROOT_SLOT_FACTORY, ENDPOINT) == ERROR_OK, 5);
  start(SPINNER, 0, ROLE_SPIN, 100);
  start(LOWER, 1, ROLE_FLAG, 50);
  while (load<u32>(counter) < 1000) {} // the spinner runs only when the timer rotates root out
  debugPrint("round robin ok\n");
  check(load<u32>(flag) == 0, 6); // nothing at priority 50 ran while two at 100 were ready
  check(threadSetPriority(SPINNER, 40) == ERROR_OK, 7);
  check(recv(ENDPOINT, timeouts(0, 3)) == ERROR_TIMEOUT, 8); // now the thread at 50 runs
  check(load<u32>(flag) == 1, 9);
  debugPrint("priorities ok\n");
  debugExit(0x42);
  return 0;
}
