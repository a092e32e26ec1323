// Root task for the sync boot test: three worker threads contend for a mutex (a counter with a
// yield inside the critical section), a semaphore of 2, and a condition variable.
import { recv } from "@sawmill/kernel/assembly/user/ipc";
import {
  endpointCreate,
  ROOT_SLOT_FACTORY,
  ROOT_SLOT_TASK,
  threadCreate,
  threadEntry,
  threadSetRegisters,
  threadStart,
} from "@sawmill/kernel/assembly/user/objects";
import { debugExit, debugPrint, debugPutc, yieldSlice } from "@sawmill/kernel/assembly/user/sys";
import { Condition, fetchAdd, Mutex, Semaphore } from "../../assembly/sync";

const USER_MEMORY: u32 = 0x5000_0000;
const WORKERS: u32 = 3;
const ROUNDS: u32 = 100;
const STACK: u32 = 8192;
const stacks = memory.data(WORKERS * STACK, 16);
const utcbs = memory.data(WORKERS * 512, 512);
const FIRST_THREAD_SLOT: u32 = 30;
const PARK: u32 = 29; // an endpoint nobody sends to: finished workers wait here forever

const mutex = new Mutex(20);
const slots = new Semaphore(21, 2);
const done = new Semaphore(22, 0);
const guard = new Mutex(23);
const ready = new Condition(24);

let counter: u32 = 0;
let inside: i32 = 0;
let mostInside: i32 = 0;
let go: bool = false;
let waited: u32 = 0;
let woken: u32 = 0;
const insideCell = memory.data(4);

function countUnderMutex(): void {
  for (let i: u32 = 0; i < ROUNDS; i++) {
    mutex.lock();
    const seen = counter;
    yieldSlice(); // the others run now: without the mutex their increments would be lost
    counter = seen + 1;
    mutex.unlock();
  }
}

function boundedBySemaphore(): void {
  for (let i: u32 = 0; i < ROUNDS / 4; i++) {
    slots.acquire();
    const now = fetchAdd(insideCell, 1) + 1;
    if (now > mostInside) mostInside = now; // a race here can only under-report
    yieldSlice();
    fetchAdd(insideCell, -1);
    slots.release();
  }
}

function waitForGo(): void {
  guard.lock();
  if (!go) waited++;
  while (!go) ready.wait(guard);
  woken++;
  guard.unlock();
}

export function thread(role: u32, b: u32, c: u32, d: u32): u32 {
  countUnderMutex();
  done.release();
  boundedBySemaphore();
  done.release();
  waitForGo();
  done.release();
  recv(PARK, 0);
  return 0;
}

function printNumber(n: u32): void {
  if (n >= 10) printNumber(n / 10);
  debugPutc(0x30 + (n % 10));
}

function report(what: string, n: u32): void {
  debugPrint(what);
  printNumber(n);
  debugPrint("\n");
}

function check(ok: bool, code: u32): void {
  if (ok) return;
  debugPrint("FAIL\n");
  debugExit(code);
}

function startWorkers(): void {
  for (let i: u32 = 0; i < WORKERS; i++) {
    const utcb = utcbs + i * 512;
    store<u32>(utcb, utcb);
    const esp = USER_MEMORY + stacks + (i + 1) * STACK;
    const slot = FIRST_THREAD_SLOT + i;
    check(threadCreate(ROOT_SLOT_TASK, slot, threadEntry(), esp, USER_MEMORY + utcb) == 0, 0x30);
    check(threadSetRegisters(slot, i, 0, 0, 0) == 0, 0x31);
    check(threadStart(slot) == 0, 0x32);
  }
}

function awaitWorkers(): void {
  for (let i: u32 = 0; i < WORKERS; i++) done.acquire();
}

export function main(a: u32, b: u32, c: u32, d: u32): u32 {
  for (let slot: u32 = 20; slot <= 24; slot++) check(endpointCreate(ROOT_SLOT_FACTORY, slot) == 0, 0x20);
  check(endpointCreate(ROOT_SLOT_FACTORY, PARK) == 0, 0x21);
  startWorkers();
  awaitWorkers();
  report("[sync] mutex counter ", counter);
  awaitWorkers();
  report("[sync] semaphore(2) most inside ", mostInside);
  for (let i = 0; i < 8; i++) yieldSlice(); // let the workers reach their wait
  guard.lock();
  go = true;
  ready.broadcast();
  guard.unlock();
  awaitWorkers();
  report("[sync] condition waited ", waited);
  report("[sync] condition woken ", woken);
  check(counter == WORKERS * ROUNDS && mostInside == 2 && woken == WORKERS, 0x40);
  debugExit(0x51);
  return 0;
}
