// Root task of the fast-path test: a server thread in root's task and root as the client, at
// the same priority, exchanging messages of 0–5 words (5: one word in the UTCB, the slow path)
// with every label; each reply is checked and folded into a checksum printed at the end, so a
// kernel with and one without the IPC fast path must print the same lines.
import { call, getMR, makeTag, receivedBadge, receivedTag, recv, replyRecv, setMR, tagLabel, tagWords, timeouts } from "@sawmill/kernel/assembly/user/ipc";
import {
  capCopy,
  endpointCreate,
  ERROR_OK,
  ROOT_SLOT_FACTORY,
  ROOT_SLOT_TASK,
  RIGHT_SEND,
  threadCreate,
  threadEntry,
  threadSetRegisters,
  threadStart,
} from "@sawmill/kernel/assembly/user/objects";
import { debugExit, debugPrint } from "@sawmill/kernel/assembly/user/sys";

const USER_MEMORY: u32 = 0x5000_0000;
const ENDPOINT: u32 = 4;
const CLIENT: u32 = 5;
const SERVER_THREAD: u32 = 6;
const BADGE: u32 = 0x5a;
const ROUND_TRIPS: u32 = 1000;

const serverStack = memory.data(16384, 16);
const serverUtcb = memory.data(512, 512);

function check(ok: bool, code: u32): void {
  if (ok) return;
  debugPrint("fastpath check failed\n");
  debugExit(code);
}

/** Replies with as many words as it got: word k becomes word k * 3 + k + badge; label + 1. */
export function thread(endpoint: u32, b: u32, c: u32, d: u32): u32 {
  let error = recv(endpoint, 0);
  while (true) {
    check(error == ERROR_OK, 0xe0 + error);
    const tag = receivedTag();
    const words = tagWords(tag);
    for (let k: u32 = 0; k < words; k++) setMR(k, getMR(k) * 3 + k + receivedBadge());
    error = replyRecv(endpoint, makeTag(tagLabel(tag) + 1, words, 0), 0);
  }
  return 0;
}

function startServer(): void {
  check(endpointCreate(ROOT_SLOT_FACTORY, ENDPOINT) == ERROR_OK, 1);
  check(capCopy(ENDPOINT, 0, CLIENT, BADGE, RIGHT_SEND) == ERROR_OK, 2);
  store<u32>(serverUtcb, serverUtcb);
  const esp = USER_MEMORY + serverStack + 16384;
  check(threadCreate(ROOT_SLOT_TASK, SERVER_THREAD, threadEntry(), esp, USER_MEMORY + serverUtcb) == ERROR_OK, 3);
  check(threadSetRegisters(SERVER_THREAD, ENDPOINT, 0, 0, 0) == ERROR_OK, 4);
  check(threadStart(SERVER_THREAD) == ERROR_OK, 5);
}

function printHex(value: u32): void {
  for (let shift: i32 = 28; shift >= 0; shift -= 4) {
    debugPrint("0123456789abcdef".charAt(<i32>((value >> <u32>shift) & 0xf)));
  }
}

export function main(archive: u32, archiveSize: u32, firstFree: u32, memoryEnd: u32): u32 {
  startServer();
  let checksum: u32 = 0;
  for (let i: u32 = 0; i < ROUND_TRIPS; i++) {
    const words = i % 6;
    for (let k: u32 = 0; k < words; k++) setMR(k, i * 7 + k);
    // every 50th call waits for its reply with a timeout: the slow path's case
    const limits = i % 50 == 49 ? timeouts(0, 1000) : 0;
    check(call(CLIENT, makeTag(i & 0xfff, words, 0), limits) == ERROR_OK, 0x10);
    const tag = receivedTag();
    check(tagLabel(tag) == (i & 0xfff) + 1 && tagWords(tag) == words, 0x11);
    for (let k: u32 = 0; k < words; k++) {
      check(getMR(k) == (i * 7 + k) * 3 + k + BADGE, 0x12);
      checksum = checksum * 31 + getMR(k);
    }
    checksum = checksum * 31 + tag;
  }
  debugPrint("round trips ok, checksum ");
  printHex(checksum);
  debugPrint("\n");
  debugExit(0x42);
  return 0;
}
