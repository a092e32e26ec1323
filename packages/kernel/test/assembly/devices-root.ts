// Root task for the devices boot test (test/devices.test.ts): the PIT interrupt delivered to a
// user thread (IRQ_ATTACH / IRQ_ACK, a pending interrupt taken by a non-blocking recv),
// IOPORT_GRANT to root itself (values reach the debug value port), and a thread's exceptions
// going to its handler: a #GP on a port not granted (resumed after the grant, the instruction
// retried) and a page fault (resumed at a new eip).
import { outb, outl } from "@sawmill/wasm-x86/assembly/x86";
import {
  ioportGrant,
  ioportRangeBadge,
  irqAck,
  irqAttach,
  irqLineBadge,
  LABEL_EXCEPTION,
  LABEL_IRQ,
  ROOT_SLOT_IO_PORTS,
  ROOT_SLOT_IRQ_CONTROL,
} from "@sawmill/kernel/assembly/user/devices";
import { call, getMR, makeTag, receivedBadge, receivedTag, recv, replyRecv, setMR, tagLabel, timeouts } from "@sawmill/kernel/assembly/user/ipc";
import {
  capCopy,
  endpointCreate,
  ERROR_INVALID_ARGUMENT,
  ERROR_OK,
  ERROR_TIMEOUT,
  ERROR_WRONG_TYPE,
  RIGHT_SEND,
  ROOT_SLOT_FACTORY,
  ROOT_SLOT_TASK,
  threadCreate,
  threadEntry,
  threadSetExceptionHandler,
  threadStart,
} from "@sawmill/kernel/assembly/user/objects";
import { debugExit, debugPrint } from "@sawmill/kernel/assembly/user/sys";

const USER_MEMORY: u32 = 0x5000_0000;
const DEBUG_VALUE: u16 = 0x528;
const POST_PORT: u16 = 0x80;
const UNMAPPED: u32 = 0x4f00_0000;
const NEVER_BLOCK: u32 = 0xffff;

const TICKS: u32 = 4; // endpoint for timer interrupts
const TICKS_BADGED: u32 = 5;
const IRQ0: u32 = 6; // a capability for line 0 only
const EXCEPTIONS: u32 = 7; // endpoint for the worker's exceptions
const EXCEPTIONS_BADGED: u32 = 8;
const WORKER: u32 = 9;
const DEBUG_PORTS: u32 = 10; // an IO_PORTS capability for the debug device only
const TICK_BADGE: u32 = 0x71;
const EXCEPTION_BADGE: u32 = 0xe1;
const TICKS_WANTED: u32 = 5;

const workerStack = memory.data(16384, 16);
const workerUtcb = memory.data(512, 512);
/** The worker's progress, read by root after each exception. */
let phase: u32 = 0;

function check(ok: bool, code: u32): void {
  if (ok) return;
  debugPrint("devices check failed\n");
  debugExit(code);
}

function spin(iterations: u32): void {
  let x: u32 = 1;
  for (let i: u32 = 0; i < iterations; i++) x = x * 1103515245 + 12345;
  store<u32>(workerUtcb + 256, x); // keep the loop
}

/** The worker thread: touches a port it may not yet use, then unmapped memory. */
export function thread(a: u32, b: u32, c: u32, d: u32): u32 {
  if (phase == 0) {
    phase = 1;
    outb(POST_PORT, 1); // #GP until root grants the port; retried after the handler's reply
    phase = 2;
    outl(DEBUG_VALUE, 0x600d);
    load<u32>(UNMAPPED - USER_MEMORY); // page fault, no pager: the handler resumes us at `thread`
  }
  phase = 3;
  setMR(0, 0x5e7);
  call(EXCEPTIONS_BADGED, makeTag(1, 1, 0), 0);
  return 0;
}

function ownPorts(): void {
  check(capCopy(ROOT_SLOT_IO_PORTS, 0, DEBUG_PORTS, ioportRangeBadge(DEBUG_VALUE, 4), 0xffff) == ERROR_OK, 0x10);
  check(ioportGrant(DEBUG_PORTS, ROOT_SLOT_TASK, 0x520, 4, 0) == ERROR_INVALID_ARGUMENT, 0x11);
  check(ioportGrant(DEBUG_PORTS, ROOT_SLOT_TASK, DEBUG_VALUE, 5, 0) == ERROR_INVALID_ARGUMENT, 0x12);
  check(ioportGrant(DEBUG_PORTS, ROOT_SLOT_TASK, DEBUG_VALUE, 0, 0) == ERROR_INVALID_ARGUMENT, 0x13);
  check(ioportGrant(ROOT_SLOT_TASK, ROOT_SLOT_TASK, DEBUG_VALUE, 4, 0) == ERROR_WRONG_TYPE, 0x14);
  check(ioportGrant(DEBUG_PORTS, DEBUG_PORTS, DEBUG_VALUE, 4, 0) == ERROR_WRONG_TYPE, 0x15);
  check(ioportGrant(DEBUG_PORTS, ROOT_SLOT_TASK, DEBUG_VALUE, 4, 0) == ERROR_OK, 0x16);
  outl(DEBUG_VALUE, 0x1234);
  debugPrint("ports ok\n");
}

function timerTicks(): void {
  check(endpointCreate(ROOT_SLOT_FACTORY, TICKS) == ERROR_OK, 0x20);
  check(capCopy(TICKS, 0, TICKS_BADGED, TICK_BADGE, RIGHT_SEND) == ERROR_OK, 0x21);
  check(capCopy(ROOT_SLOT_IRQ_CONTROL, 0, IRQ0, irqLineBadge(0), 0xffff) == ERROR_OK, 0x22);
  check(irqAttach(IRQ0, 1, TICKS_BADGED) == ERROR_INVALID_ARGUMENT, 0x23);
  check(irqAttach(ROOT_SLOT_IRQ_CONTROL, 2, TICKS_BADGED) == ERROR_INVALID_ARGUMENT, 0x24);
  check(irqAttach(ROOT_SLOT_IRQ_CONTROL, 16, TICKS_BADGED) == ERROR_INVALID_ARGUMENT, 0x25);
  check(irqAck(IRQ0, 0) == ERROR_INVALID_ARGUMENT, 0x26);
  check(irqAttach(ROOT_SLOT_TASK, 0, TICKS_BADGED) == ERROR_WRONG_TYPE, 0x27);
  check(irqAttach(IRQ0, 0, TICKS_BADGED) == ERROR_OK, 0x28);
  for (let i: u32 = 0; i < TICKS_WANTED; i++) {
    check(recv(TICKS, 0) == ERROR_OK, 0x29);
    check(tagLabel(receivedTag()) == LABEL_IRQ && getMR(0) == 0 && receivedBadge() == TICK_BADGE, 0x2a);
    check(irqAck(IRQ0, 0) == ERROR_OK, 0x2b);
    outl(DEBUG_VALUE, 0x7100 + i);
  }
  spin(2_000_000); // several ticks pass with nobody receiving: one stays pending
  check(recv(TICKS, timeouts(0, NEVER_BLOCK)) == ERROR_OK, 0x2c);
  check(tagLabel(receivedTag()) == LABEL_IRQ && receivedBadge() == TICK_BADGE, 0x2d);
  check(irqAttach(IRQ0, 0, 0) == ERROR_OK, 0x2e); // detach
  spin(2_000_000);
  check(recv(TICKS, timeouts(0, NEVER_BLOCK)) == ERROR_TIMEOUT, 0x2f);
  debugPrint("timer ticks ok\n");
}

function startWorker(): void {
  check(endpointCreate(ROOT_SLOT_FACTORY, EXCEPTIONS) == ERROR_OK, 0x30);
  check(capCopy(EXCEPTIONS, 0, EXCEPTIONS_BADGED, EXCEPTION_BADGE, RIGHT_SEND) == ERROR_OK, 0x31);
  store<u32>(workerUtcb, workerUtcb);
  const esp = USER_MEMORY + workerStack + 16384;
  check(threadCreate(ROOT_SLOT_TASK, WORKER, threadEntry(), esp, USER_MEMORY + workerUtcb) == ERROR_OK, 0x32);
  check(threadSetExceptionHandler(WORKER, EXCEPTIONS_BADGED) == ERROR_OK, 0x33);
  check(threadStart(WORKER) == ERROR_OK, 0x34);
}

/** Receives the worker's exception and checks its message. */
function expectException(vector: u32, address: u32, code: u32): void {
  check(tagLabel(receivedTag()) == LABEL_EXCEPTION && receivedBadge() == EXCEPTION_BADGE, code);
  check(getMR(0) == vector && getMR(1) >= 0x4000_0000 && getMR(3) == address, code + 1);
}

function exceptions(): void {
  startWorker();
  check(recv(EXCEPTIONS, 0) == ERROR_OK, 0x40);
  expectException(13, 0, 0x41);
  check(phase == 1 && getMR(2) == 0, 0x43);
  check(ioportGrant(ROOT_SLOT_IO_PORTS, ROOT_SLOT_TASK, POST_PORT, 1, 0) == ERROR_OK, 0x44);
  check(replyRecv(EXCEPTIONS, makeTag(0, 0, 0), 0) == ERROR_OK, 0x45); // retry the out
  expectException(14, UNMAPPED, 0x46);
  check(phase == 2 && (getMR(2) & 4) != 0, 0x48); // a user-mode read of a page not present
  setMR(1, threadEntry());
  check(replyRecv(EXCEPTIONS, makeTag(0, 2, 0), 0) == ERROR_OK, 0x49); // resume at _thread_start
  check(tagLabel(receivedTag()) == 1 && getMR(0) == 0x5e7 && phase == 3, 0x4a);
  debugPrint("exceptions ok\n");
}

export function main(archive: u32, archiveSize: u32, firstFree: u32, memoryEnd: u32): u32 {
  ownPorts();
  timerTicks();
  exceptions();
  debugExit(0x42);
  return 0;
}
