// Root task for the task-death boot test: a second task whose threads run root's own code
// (root's pager thread maps root's pages into it on demand). When that task exits, its thread
// leaves the endpoint queue it waited in, and root, waiting for its reply, gets ABORTED.
import { debugExit, debugPrint, exit, yieldSlice } from "@sawmill/kernel/assembly/user/sys";
import { check, spawn as spawnThread, USER_MEMORY } from "./ipc-lib";
import { call, getMR, makeTag, recv, replyRecv, send, setMR, tagLabel, receivedTag, timeouts } from "@sawmill/kernel/assembly/user/ipc";
import { fpage, LABEL_PAGE_FAULT, mapItem, PAGE_BITS, RIGHTS_RW } from "@sawmill/kernel/assembly/user/memory";
import {
  capCopy,
  endpointCreate,
  ERROR_ABORTED,
  ERROR_INVALID_ARGUMENT,
  ERROR_OK,
  ERROR_TIMEOUT,
  ROOT_SLOT_FACTORY,
  ROOT_SLOT_TASK,
  taskCreate,
  threadCreate,
  threadEntry,
} from "@sawmill/kernel/assembly/user/objects";

const PAGER: u32 = 4;
const SERVICE: u32 = 5;
const QUEUE: u32 = 6;
const SYNC: u32 = 7;
const CHILD: u32 = 8;
const FIRST_THREAD_SLOT: u32 = 10;
const ROLE_PAGER: u32 = 1;
const ROLE_DYING_SERVER: u32 = 2;
const ROLE_WAITER: u32 = 3;
const STACK: u32 = 8192;
const NO_BLOCK: u32 = 0xffff;

const stacks = memory.data(3 * STACK, 4096);
const utcbs = memory.data(3 * 512, 512);
let threads: u32 = 0;

export function thread(role: u32, b: u32, c: u32, d: u32): u32 {
  if (role == ROLE_PAGER) servePageFaults();
  if (role == ROLE_DYING_SERVER) {
    check(recv(SERVICE, 0) == ERROR_OK, 0xe0);
    exit(7); // the whole child task ends while root waits for the reply
  }
  check(send(SYNC, makeTag(1, 0, 0), 0) == ERROR_OK, 0xe1);
  recv(QUEUE, 0); // still waiting here when its task dies
  return 0;
}

/** Maps root's own page at every faulting address (the child shares root's frames). */
function servePageFaults(): void {
  let error = recv(PAGER, 0);
  while (true) {
    check(error == ERROR_OK && tagLabel(receivedTag()) == LABEL_PAGE_FAULT, 0xe8);
    const address = getMR(0);
    setMR(0, mapItem(address));
    setMR(1, fpage(address, PAGE_BITS, RIGHTS_RW));
    error = replyRecv(PAGER, makeTag(0, 0, 1), 0);
  }
}

function spawn(task: u32, role: u32): void {
  const n = threads++;
  const pager = task == ROOT_SLOT_TASK ? 0 : PAGER;
  spawnThread(task, FIRST_THREAD_SLOT + n, role, stacks + (n + 1) * STACK, utcbs + n * 512, pager);
}

function makeChild(): void {
  check(taskCreate(ROOT_SLOT_FACTORY, CHILD) == ERROR_OK, 0x10);
  for (let slot: u32 = SERVICE; slot <= SYNC; slot++) {
    check(endpointCreate(ROOT_SLOT_FACTORY, slot) == ERROR_OK, 0x11);
    check(capCopy(slot, CHILD, slot, 0, 0xffff) == ERROR_OK, 0x12);
  }
}

export function main(archive: u32, archiveSize: u32, firstFree: u32, memoryEnd: u32): u32 {
  check(endpointCreate(ROOT_SLOT_FACTORY, PAGER) == ERROR_OK, 0x01);
  spawn(ROOT_SLOT_TASK, ROLE_PAGER);
  makeChild();
  spawn(CHILD, ROLE_WAITER);
  check(recv(SYNC, 0) == ERROR_OK, 0x20); // the waiter runs in the child task
  yieldSlice(); // ... and now waits in QUEUE
  debugPrint("child task runs\n");
  spawn(CHILD, ROLE_DYING_SERVER);
  check(call(SERVICE, makeTag(1, 0, 0), 0) == ERROR_ABORTED, 0x21);
  debugPrint("caller aborted ok\n");
  check(send(QUEUE, makeTag(1, 0, 0), timeouts(NO_BLOCK, 0)) == ERROR_TIMEOUT, 0x22);
  debugPrint("dead waiter dequeued ok\n");
  const esp = USER_MEMORY + stacks + STACK;
  check(threadCreate(CHILD, 20, threadEntry(), esp, USER_MEMORY + utcbs) == ERROR_INVALID_ARGUMENT, 0x23);
  debugExit(0x42);
  return 0;
}
