// Root task of the robustness test (test/robustness.test.ts). It starts the fuzzer
// (robust-fuzzer.ts, the archive's "child") with the seed from the archive's "seed" entry, and
// keeps an IPC service running the whole time: a server thread answers MR0 → 2·MR0 + 1 and the
// caller's badge; a client thread calls it once a tick and checks every answer. Root's own
// thread pages the fuzzer — always with the same frame for the same page, so the fuzzer keeps
// its state whatever it unmaps or grants away — and ends the run when the fuzzer reports:
// values (port 0x528) = seed, calls made, calls that returned OK, client answers checked.
import { archiveEntryAddress, archiveFind } from "@sawmill/image/assembly/boot-archive";
import { outl } from "@sawmill/wasm-x86/assembly/x86";
import {
  ioportGrant,
  ioportRangeBadge,
  LABEL_EXCEPTION,
  ROOT_SLOT_IO_PORTS,
  ROOT_SLOT_IRQ_CONTROL,
} from "@sawmill/kernel/assembly/user/devices";
import { call, getMR, makeTag, receivedBadge, receivedTag, recv, replyRecv, setMR, tagLabel, timeouts } from "@sawmill/kernel/assembly/user/ipc";
import {
  capCopy,
  endpointCreate,
  ERROR_OK,
  RIGHT_GRANT,
  RIGHT_SEND,
  ROOT_SLOT_FACTORY,
  ROOT_SLOT_TASK,
  threadCreate,
  threadEntry,
  threadSetExceptionHandler,
  threadSetPriority,
  threadSetRegisters,
  threadStart,
} from "@sawmill/kernel/assembly/user/objects";
import { debugExit, debugPrint } from "@sawmill/kernel/assembly/user/sys";
import {
  check,
  childPage,
  childThread,
  createChild,
  faultAddress,
  giveCap,
  isPageFault,
  mapReply,
  PAGER,
  printDec,
  printHex,
  rootInit,
  startChild,
  USER_MEMORY,
  waitFirst,
  wasmOf,
} from "./memory-lib";
import { DONE_MAGIC, LABEL_DONE } from "./robust-protocol";

const CALLS: u32 = 100_000;
const FUZZER: u32 = 1;
const DEBUG_VALUE: u16 = 0x528;
const LABEL_ECHO: u32 = 0xec;
const CLIENT_BADGE: u32 = 0xc1;
const FUZZER_BADGE: u32 = 0xf0;

// Root's slots (memory-lib uses 4 and 20 up).
const SERVER: u32 = 5;
const CLIENT_CAP: u32 = 6;
const FUZZER_CAP: u32 = 7;
const SLEEP: u32 = 8;
const SERVER_THREAD: u32 = 9;
const CLIENT_THREAD: u32 = 10;
const FUZZ_IRQS: u32 = 11;
/** The timer (line 0: the kernel ticks on whatever the fuzzer does with it) and lines no device
 * of the test machine raises: 3, 5, 7, 9, 10, 11, 15. */
const FUZZ_LINES: u32 = 0x8ea9;
const FUZZ_PORTS: u32 = 12;
const DEBUG_PORTS: u32 = 13;
/** The fuzzer's exception handler: root's pager endpoint under a badge the fuzzer never holds, so
 * an exception of a thread the fuzzer created (its handler may be the fuzzer's slot 1, root's
 * pager under the fuzzer's own badge) is not taken for one of the fuzzer's. */
const FUZZER_EXCEPTIONS: u32 = 16;
const FUZZER_EXCEPTION_BADGE: u32 = 0x7e7e;

const ROLE_SERVER: u32 = 1;
const ROLE_CLIENT: u32 = 2;
const STACK: u32 = 16384;
const stacks = memory.data(2 * STACK, 16);
const utcbs = memory.data(2 * 512, 512);

const MAX_PAGES: u32 = 512;
const pageAddresses = memory.data(MAX_PAGES * 4);
const pageFlexpages = memory.data(MAX_PAGES * 4);
let pages: u32 = 0;

let done = false;
let answered: u32 = 0;

/** Root's other threads: the server (role 1) and the client (role 2). */
export function thread(role: u32, b: u32, c: u32, d: u32): u32 {
  if (role == ROLE_SERVER) serve();
  else client();
  return 0;
}

function serve(): void {
  let error = recv(SERVER, 0);
  while (true) {
    if (error != ERROR_OK) {
      error = recv(SERVER, 0);
      continue;
    }
    setMR(0, getMR(0) * 2 + 1);
    setMR(1, receivedBadge());
    error = replyRecv(SERVER, makeTag(0, 2, 0), 0);
  }
}

function client(): void {
  for (let sequence: u32 = 1; !done; sequence++) {
    setMR(0, sequence);
    check(call(CLIENT_CAP, makeTag(LABEL_ECHO, 1, 0), 0) == ERROR_OK, 0x60);
    check(getMR(0) == sequence * 2 + 1 && getMR(1) == CLIENT_BADGE, 0x61);
    answered++;
    recv(SLEEP, timeouts(0, 1)); // nobody sends: a pause of one tick
  }
  recv(SLEEP, 0);
}

function startThread(slot: u32, role: u32, priority: u32): void {
  const index = role - 1;
  const utcb = utcbs + index * 512;
  store<u32>(utcb, utcb);
  const esp = USER_MEMORY + stacks + (index + 1) * STACK;
  check(threadCreate(ROOT_SLOT_TASK, slot, threadEntry(), esp, USER_MEMORY + utcb) == ERROR_OK, 0x30 + role);
  check(threadSetRegisters(slot, role, 0, 0, 0) == ERROR_OK, 0x34);
  check(threadSetPriority(slot, priority) == ERROR_OK, 0x35);
  check(threadStart(slot) == ERROR_OK, 0x36);
}

function startService(): void {
  check(endpointCreate(ROOT_SLOT_FACTORY, SERVER) == ERROR_OK, 0x20);
  check(endpointCreate(ROOT_SLOT_FACTORY, SLEEP) == ERROR_OK, 0x21);
  check(capCopy(SERVER, 0, CLIENT_CAP, CLIENT_BADGE, RIGHT_SEND) == ERROR_OK, 0x22);
  check(capCopy(SERVER, 0, FUZZER_CAP, FUZZER_BADGE, RIGHT_SEND | RIGHT_GRANT) == ERROR_OK, 0x23);
  startThread(SERVER_THREAD, ROLE_SERVER, 100);
  startThread(CLIENT_THREAD, ROLE_CLIENT, 60);
}

function startFuzzer(seed: u32): void {
  createChild(FUZZER, 50, seed, CALLS, 0);
  check(capCopy(ROOT_SLOT_IRQ_CONTROL, 0, FUZZ_IRQS, FUZZ_LINES, 0xffff) == ERROR_OK, 0x24);
  check(capCopy(ROOT_SLOT_IO_PORTS, 0, FUZZ_PORTS, ioportRangeBadge(0x1000, 0x100), 0xffff) == ERROR_OK, 0x25);
  giveCap(FUZZER, ROOT_SLOT_FACTORY, 2, 0xffff);
  giveCap(FUZZER, FUZZER_CAP, 3, 0xffff);
  giveCap(FUZZER, FUZZ_IRQS, 4, 0xffff);
  giveCap(FUZZER, FUZZ_PORTS, 5, 0xffff);
  check(capCopy(PAGER, 0, FUZZER_EXCEPTIONS, FUZZER_EXCEPTION_BADGE, RIGHT_SEND) == ERROR_OK, 0x27);
  check(threadSetExceptionHandler(childThread(FUZZER), FUZZER_EXCEPTIONS) == ERROR_OK, 0x26);
  startChild(FUZZER);
}

/** The flexpage root gave for `address`'s page before, or a new one (memory-lib's default pager). */
function stablePage(address: u32): u32 {
  const page = address & ~0xfff;
  for (let i: u32 = 0; i < pages; i++) {
    if (load<u32>(pageAddresses + i * 4) == page) return load<u32>(pageFlexpages + i * 4);
  }
  const flexpage = childPage(address);
  if (flexpage == 0) return 0;
  check(pages < MAX_PAGES, 0x50);
  store<u32>(pageAddresses + pages * 4, page);
  store<u32>(pageFlexpages + pages * 4, flexpage);
  pages++;
  return flexpage;
}

function value(word: u32): void {
  outl(DEBUG_VALUE, word);
}

function finish(seed: u32): void {
  done = true;
  debugPrint("robustness: ");
  printDec(getMR(1));
  debugPrint(" random system calls (");
  printDec(getMR(2));
  debugPrint(" OK), seed ");
  printHex(seed);
  debugPrint("; the server answered the client ");
  printDec(answered);
  debugPrint(" times, all correct\n");
  value(seed);
  value(getMR(1));
  value(getMR(2));
  value(answered);
  debugExit(0x42);
}

function fuzzerFailed(): void {
  debugPrint("robustness: the fuzzer took exception ");
  printDec(getMR(0));
  debugPrint(" at eip ");
  printHex(getMR(1));
  debugPrint(" address ");
  printHex(getMR(3));
  debugPrint("\n");
  debugExit(0xee);
}

function seedFromArchive(archive: u32): u32 {
  const index = archiveFind(wasmOf(archive), "seed");
  check(index >= 0, 0x10);
  return load<u32>(<u32>archiveEntryAddress(wasmOf(archive), index));
}

export function main(archive: u32, archiveSize: u32, firstFree: u32, memoryEnd: u32): u32 {
  rootInit(archive, firstFree, memoryEnd);
  check(capCopy(ROOT_SLOT_IO_PORTS, 0, DEBUG_PORTS, ioportRangeBadge(DEBUG_VALUE, 4), 0xffff) == ERROR_OK, 0x11);
  check(ioportGrant(DEBUG_PORTS, ROOT_SLOT_TASK, DEBUG_VALUE, 4, 0) == ERROR_OK, 0x12);
  const seed = seedFromArchive(archive);
  startService();
  startFuzzer(seed);
  waitFirst();
  while (true) {
    const label = tagLabel(receivedTag());
    if (isPageFault()) {
      replyRecv(PAGER, mapReply(stablePage(faultAddress())), 0);
      continue;
    }
    if (label == LABEL_EXCEPTION && receivedBadge() == FUZZER_EXCEPTION_BADGE) fuzzerFailed();
    if (label == LABEL_EXCEPTION) {
      recv(PAGER, 0); // a thread the fuzzer made faulted: leave it stopped, take the next message
      continue;
    }
    if (label == LABEL_DONE && getMR(0) == DONE_MAGIC) finish(seed);
    replyRecv(PAGER, makeTag(0, 0, 0), 0); // a random message the fuzzer sent through its slot 1
  }
  return 0;
}
