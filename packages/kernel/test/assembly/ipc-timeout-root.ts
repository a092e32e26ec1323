// Root task for the IPC timeout and abort boot test: send, receive and reply timeouts in timer
// ticks, "do not block", and a caller aborted when its server's reply right is lost.
import { debugExit, debugPrint, yieldSlice } from "@sawmill/kernel/assembly/user/sys";
import { check, spawn as spawnThread } from "./ipc-lib";
import { call, getMR, makeTag, recv, replyRecv, send, setMR, timeouts } from "@sawmill/kernel/assembly/user/ipc";
import {
  endpointCreate,
  ERROR_ABORTED,
  ERROR_OK,
  ERROR_TIMEOUT,
  ROOT_SLOT_FACTORY,
  ROOT_SLOT_TASK,
} from "@sawmill/kernel/assembly/user/objects";

const IDLE: u32 = 4;
const NEVER: u32 = 5;
const FORGETFUL: u32 = 6;
const FIRST_THREAD_SLOT: u32 = 10;
const NO_BLOCK: u32 = 0xffff;
const SILENT_SERVER: u32 = 1;
const FORGETFUL_SERVER: u32 = 2;
const CLIENT: u32 = 3;
const STACK: u32 = 8192;

const stacks = memory.data(3 * STACK, 16);
const utcbs = memory.data(3 * 512, 512);
/** Words the threads share with main: [0] server got the first call, [1] client's result + 1. */
const shared = memory.data(8, 4);
let threads: u32 = 0;

export function thread(role: u32, b: u32, c: u32, d: u32): u32 {
  if (role == SILENT_SERVER) {
    check(recv(IDLE, 0) == ERROR_OK, 0xe0); // takes the call, never replies
    recv(NEVER, 0);
  } else if (role == FORGETFUL_SERVER) {
    check(recv(FORGETFUL, 0) == ERROR_OK, 0xe1);
    store<u32>(shared, 1);
    check(recv(FORGETFUL, 0) == ERROR_OK, 0xe2); // drops the first caller's reply right
    setMR(0, getMR(0) + 72);
    replyRecv(FORGETFUL, makeTag(0, 1, 0), 0);
  } else {
    setMR(0, 1);
    store<u32>(shared + 4, call(FORGETFUL, makeTag(1, 1, 0), 0) + 1);
    recv(NEVER, 0);
  }
  return 0;
}

function spawn(role: u32): void {
  const n = threads++;
  spawnThread(ROOT_SLOT_TASK, FIRST_THREAD_SLOT + n, role, stacks + (n + 1) * STACK, utcbs + n * 512, 0);
}

function timeoutsExpire(): void {
  check(recv(IDLE, timeouts(0, NO_BLOCK)) == ERROR_TIMEOUT, 0x10);
  check(send(IDLE, makeTag(1, 0, 0), timeouts(NO_BLOCK, 0)) == ERROR_TIMEOUT, 0x11);
  check(recv(IDLE, timeouts(0, 3)) == ERROR_TIMEOUT, 0x12);
  check(send(IDLE, makeTag(1, 0, 0), timeouts(2, 0)) == ERROR_TIMEOUT, 0x13);
  check(call(IDLE, makeTag(1, 0, 0), timeouts(2, 0)) == ERROR_TIMEOUT, 0x14);
  debugPrint("send and receive timeouts ok\n");
  spawn(SILENT_SERVER);
  check(call(IDLE, makeTag(1, 0, 0), timeouts(0, 4)) == ERROR_TIMEOUT, 0x15);
  debugPrint("reply timeout ok\n");
}

function lostReplyRight(): void {
  spawn(FORGETFUL_SERVER);
  spawn(CLIENT);
  while (load<u32>(shared) == 0) yieldSlice();
  setMR(0, 5);
  check(call(FORGETFUL, makeTag(2, 1, 0), 0) == ERROR_OK && getMR(0) == 77, 0x20);
  while (load<u32>(shared + 4) == 0) yieldSlice();
  check(load<u32>(shared + 4) == ERROR_ABORTED + 1, 0x21);
  debugPrint("lost reply right aborts ok\n");
}

export function main(archive: u32, archiveSize: u32, firstFree: u32, memoryEnd: u32): u32 {
  check(endpointCreate(ROOT_SLOT_FACTORY, IDLE) == ERROR_OK, 0x01);
  check(endpointCreate(ROOT_SLOT_FACTORY, NEVER) == ERROR_OK, 0x02);
  check(endpointCreate(ROOT_SLOT_FACTORY, FORGETFUL) == ERROR_OK, 0x03);
  timeoutsExpire();
  lostReplyRight();
  debugExit(0x42);
  return 0;
}
