// Root task for the IPC boot test: a server thread in root's own task, clients identified by
// badge, register and long messages, and the capability errors (README "System calls").
import { outl } from "@sawmill/wasm-x86/assembly/x86";
import { ioportGrant } from "@sawmill/kernel/assembly/user/devices";
import { debugExit, debugPrint } from "@sawmill/kernel/assembly/user/sys";
import { check, spawn, USER_MEMORY } from "./ipc-lib";
import {
  call,
  getMR,
  makeTag,
  recv,
  receivedBadge,
  receivedTag,
  replyRecv,
  send,
  setBR,
  setCapItem,
  setMR,
  tagItems,
  tagLabel,
  tagWords,
} from "@sawmill/kernel/assembly/user/ipc";
import {
  capCopy,
  capDelete,
  endpointCreate,
  ERROR_INVALID_ARGUMENT,
  ERROR_INVALID_CAP,
  ERROR_NO_RIGHT,
  ERROR_OK,
  ERROR_WRONG_TYPE,
  RIGHT_RECEIVE,
  RIGHT_SEND,
  ROOT_SLOT_FACTORY,
  ROOT_SLOT_TASK,
  ROOT_SLOT_THREAD,
  taskCreate,
  threadControl,
  threadCreate,
  threadEntry,
  threadSetPriority,
  threadSetRegisters,
  threadStart,
} from "@sawmill/kernel/assembly/user/objects";

const ENDPOINT: u32 = 4;
const CLIENT_A: u32 = 5;
const CLIENT_B: u32 = 6;
const SERVER_THREAD: u32 = 7;
const SCRATCH: u32 = 8;
const RECEIVE_ONLY: u32 = 9;
const INBOX: u32 = 20;
const EMPTY: u32 = 30;
const BADGE_A: u32 = 0x11;
const BADGE_B: u32 = 0x22;
const ROUND_TRIPS: u32 = 100;
const MEASURED_ROUND_TRIPS: u32 = 1000;
const ROOT_SLOT_IO_PORTS: u32 = 15;
const MARKER_PORT: u32 = 0x524;

const serverStack = memory.data(16384, 16);
const serverUtcb = memory.data(512, 512);
/** How many messages the server has handled. */
const served = memory.data(4, 4);

/**
 * The server: replies MR0 = sum of the words, MR1 = the caller's badge, MR2 = the label,
 * MR3 = the slot a capability item arrived in (0: none). It accepts capabilities into INBOX.
 */
export function thread(endpoint: u32, b: u32, c: u32, d: u32): u32 {
  setBR(1, INBOX);
  let error = recv(endpoint, 0);
  while (true) {
    check(error == ERROR_OK, 0xe0 + error);
    store<u32>(served, load<u32>(served) + 1);
    const tag = receivedTag();
    let sum: u32 = 0;
    for (let i: u32 = 0; i < tagWords(tag); i++) sum += getMR(i);
    const inbox = tagItems(tag) > 0 ? getMR(tagWords(tag) + 1) : 0;
    setMR(0, sum);
    setMR(1, receivedBadge());
    setMR(2, tagLabel(tag));
    setMR(3, inbox);
    error = replyRecv(endpoint, makeTag(0, 4, 0), 0);
  }
  return 0;
}

function startServer(): void {
  check(endpointCreate(ROOT_SLOT_FACTORY, ENDPOINT) == ERROR_OK, 1);
  spawn(ROOT_SLOT_TASK, SERVER_THREAD, ENDPOINT, serverStack + 16384, serverUtcb, 0);
}

/** Calls through `slot` with two words; checks the sum, the badge the server saw and the label. */
function callTwo(slot: u32, a: u32, b: u32, badge: u32, code: u32): void {
  setMR(0, a);
  setMR(1, b);
  check(call(slot, makeTag(7, 2, 0), 0) == ERROR_OK, code);
  check(getMR(0) == a + b && getMR(1) == badge && getMR(2) == 7, code + 1);
}

function badges(): void {
  check(capCopy(ENDPOINT, 0, CLIENT_A, BADGE_A, RIGHT_SEND) == ERROR_OK, 0x10);
  check(capCopy(ENDPOINT, 0, CLIENT_B, BADGE_B, RIGHT_SEND) == ERROR_OK, 0x11);
  callTwo(CLIENT_A, 20, 22, BADGE_A, 0x12);
  callTwo(CLIENT_B, 1, 2, BADGE_B, 0x14);
  callTwo(ENDPOINT, 5, 6, 0, 0x16);
  debugPrint("badges ok\n");
}

function roundTrips(): void {
  for (let i: u32 = 0; i < ROUND_TRIPS; i++) callTwo(CLIENT_A, i, i * 3, BADGE_A, 0x20);
  debugPrint("round trips ok\n");
}

/** Markers 1 and 2 around MEASURED_ROUND_TRIPS two-word calls (instructions per round trip). */
function measure(): void {
  check(ioportGrant(ROOT_SLOT_IO_PORTS, ROOT_SLOT_TASK, MARKER_PORT, 4, 0) == ERROR_OK, 0x28);
  outl(<u16>MARKER_PORT, 1);
  for (let i: u32 = 0; i < MEASURED_ROUND_TRIPS; i++) {
    setMR(0, i);
    setMR(1, 1);
    call(CLIENT_A, makeTag(7, 2, 0), 0);
  }
  outl(<u16>MARKER_PORT, 2);
  check(getMR(0) == MEASURED_ROUND_TRIPS, 0x29);
}

/** Object creation and thread_control: every wrong argument is refused before anything changes. */
function objectErrors(): void {
  check(endpointCreate(ROOT_SLOT_FACTORY, ENDPOINT) == ERROR_INVALID_ARGUMENT, 0x70); // occupied
  check(endpointCreate(ROOT_SLOT_FACTORY, 0) == ERROR_INVALID_ARGUMENT, 0x71);
  check(endpointCreate(ROOT_SLOT_FACTORY, 100000) == ERROR_INVALID_ARGUMENT, 0x72);
  check(taskCreate(ROOT_SLOT_TASK, EMPTY) == ERROR_WRONG_TYPE, 0x73);
  const esp = USER_MEMORY + serverStack + 16384;
  check(threadCreate(ROOT_SLOT_TASK, EMPTY, threadEntry(), esp, USER_MEMORY + serverUtcb + 4) == ERROR_INVALID_ARGUMENT, 0x74);
  check(threadCreate(ROOT_SLOT_TASK, EMPTY, 0x1000, esp, USER_MEMORY + serverUtcb) == ERROR_INVALID_ARGUMENT, 0x75);
  check(threadCreate(ENDPOINT, EMPTY, threadEntry(), esp, USER_MEMORY + serverUtcb) == ERROR_WRONG_TYPE, 0x76);
  check(threadStart(SERVER_THREAD) == ERROR_INVALID_ARGUMENT, 0x77); // already running
  check(threadSetRegisters(SERVER_THREAD, 1, 2, 3, 4) == ERROR_INVALID_ARGUMENT, 0x78);
  check(threadSetPriority(SERVER_THREAD, 101) == ERROR_INVALID_ARGUMENT, 0x79); // root runs at 100
  check(threadControl(SERVER_THREAD, 99, 0, 0, 0, 0) == ERROR_INVALID_ARGUMENT, 0x7a);
  check(threadControl(ROOT_SLOT_THREAD, 3, EMPTY, 0, 0, 0) == ERROR_INVALID_CAP, 0x7b); // pager slot
  check(threadControl(ROOT_SLOT_THREAD, 3, ROOT_SLOT_TASK, 0, 0, 0) == ERROR_WRONG_TYPE, 0x7c);
  check(threadControl(ROOT_SLOT_THREAD, 3, RECEIVE_ONLY, 0, 0, 0) == ERROR_NO_RIGHT, 0x7d);
  check(threadSetPriority(SERVER_THREAD, 90) == ERROR_OK, 0x7e);
  callTwo(CLIENT_A, 2, 3, BADGE_A, 0x7f); // a lower-priority server still answers
  debugPrint("object errors ok\n");
}

/**
 * A send that wakes a lower-priority server does not switch to it; the server runs once the
 * sender blocks (here in a call, which the server answers after the earlier message).
 */
function priorities(): void {
  const before = load<u32>(served);
  check(send(ENDPOINT, makeTag(3, 0, 0), 0) == ERROR_OK, 0x80);
  check(load<u32>(served) == before, 0x81);
  callTwo(ENDPOINT, 4, 5, 0, 0x82);
  check(load<u32>(served) == before + 2, 0x84);
  debugPrint("priorities ok\n");
}

function longMessage(): void {
  let expected: u32 = 0;
  for (let i: u32 = 0; i < 12; i++) {
    setMR(i, i * 1000 + 1);
    expected += i * 1000 + 1;
  }
  check(call(CLIENT_B, makeTag(9, 12, 0), 0) == ERROR_OK, 0x30);
  check(getMR(0) == expected && getMR(1) == BADGE_B && tagWords(receivedTag()) == 4, 0x31);
  debugPrint("long message ok\n");
}

function errors(): void {
  check(call(0, makeTag(1, 0, 0), 0) == ERROR_INVALID_CAP, 0x40);
  check(call(EMPTY, makeTag(1, 0, 0), 0) == ERROR_INVALID_CAP, 0x41);
  check(call(1000000, makeTag(1, 0, 0), 0) == ERROR_INVALID_CAP, 0x42);
  check(call(ROOT_SLOT_TASK, makeTag(1, 0, 0), 0) == ERROR_WRONG_TYPE, 0x43);
  check(recv(CLIENT_A, 0) == ERROR_NO_RIGHT, 0x44);
  check(capCopy(ENDPOINT, 0, RECEIVE_ONLY, 0, RIGHT_RECEIVE) == ERROR_OK, 0x45);
  check(call(RECEIVE_ONLY, makeTag(1, 0, 0), 0) == ERROR_NO_RIGHT, 0x46);
  check(call(ENDPOINT, makeTag(1, 63, 1), 0) == ERROR_INVALID_ARGUMENT, 0x47);
  check(capCopy(ENDPOINT, 0, CLIENT_A, 0, RIGHT_SEND) == ERROR_INVALID_ARGUMENT, 0x48);
  debugPrint("errors ok\n");
}

function forgery(): void {
  check(capCopy(CLIENT_A, 0, SCRATCH, 0x99, RIGHT_SEND) == ERROR_INVALID_ARGUMENT, 0x50);
  check(capCopy(CLIENT_A, 0, SCRATCH, 0, 0xffff) == ERROR_OK, 0x51);
  callTwo(SCRATCH, 3, 4, BADGE_A, 0x52);
  check(recv(SCRATCH, 0) == ERROR_NO_RIGHT, 0x54);
  check(capDelete(SCRATCH) == ERROR_OK, 0x55);
  check(call(SCRATCH, makeTag(1, 0, 0), 0) == ERROR_INVALID_CAP, 0x56);
  check(capDelete(SCRATCH) == ERROR_INVALID_CAP, 0x57);
  debugPrint("forgery ok\n");
}

/** A capability item: arrives in the server's BR1 slot with reduced rights and the badge kept. */
function capTransfer(): void {
  setCapItem(0, ENDPOINT, RIGHT_SEND);
  check(call(ENDPOINT, makeTag(5, 0, 1), 0) == ERROR_OK, 0x60);
  check(getMR(3) == INBOX && getMR(2) == 5, 0x61);
  check(recv(INBOX, 0) == ERROR_NO_RIGHT, 0x62);
  callTwo(INBOX, 8, 9, 0, 0x63);
  setCapItem(0, CLIENT_A, 0xffff);
  check(call(ENDPOINT, makeTag(5, 0, 1), 0) == ERROR_INVALID_ARGUMENT, 0x65); // INBOX is occupied
  check(capDelete(INBOX) == ERROR_OK, 0x66);
  setCapItem(0, EMPTY, 0xffff);
  check(call(ENDPOINT, makeTag(5, 0, 1), 0) == ERROR_INVALID_CAP, 0x67);
  setCapItem(0, ENDPOINT, 0xffff);
  check(call(RECEIVE_ONLY, makeTag(5, 0, 1), 0) == ERROR_NO_RIGHT, 0x68);
  check(call(CLIENT_A, makeTag(5, 0, 1), 0) == ERROR_NO_RIGHT, 0x69); // SEND only: no GRANT
  setCapItem(2, CLIENT_A, 0xffff);
  setMR(0, 30);
  setMR(1, 12);
  check(call(ENDPOINT, makeTag(5, 2, 1), 0) == ERROR_OK, 0x6a);
  check(getMR(0) == 42 && getMR(3) == INBOX, 0x6b);
  callTwo(INBOX, 1, 1, BADGE_A, 0x6c);
  debugPrint("capability transfer ok\n");
}

export function main(archive: u32, archiveSize: u32, firstFree: u32, memoryEnd: u32): u32 {
  startServer();
  badges();
  roundTrips();
  measure();
  longMessage();
  errors();
  forgery();
  capTransfer();
  objectErrors();
  priorities();
  debugExit(0x42);
  return 0;
}
