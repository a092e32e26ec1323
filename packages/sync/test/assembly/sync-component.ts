// Component for the sync boot test, started by the real root task: its first thread asks root
// (RootTask.threadCreate, the generated client) for three worker threads in its own task, which
// contend for a mutex (a counter with a yield inside the critical section), a semaphore of 2,
// and a condition variable. The endpoints are the manifest's grants (slots 20–24 and 29).
import { recv } from "@sawmill/kernel/assembly/user/ipc";
import { threadEntry } from "@sawmill/kernel/assembly/user/objects";
import { debugExit, debugPrint, debugPrintDecimal, yieldSlice } from "@sawmill/kernel/assembly/user/sys";
import { ROOT_TASK_SLOT } from "@sawmill/root/assembly/component-slots";
import { RootTaskClient } from "@sawmill/root/assembly/generated/root-task";
import { Condition, fetchAdd, Mutex, Semaphore } from "../../assembly/sync";

const WORKERS: u32 = 3;
const ROUNDS: u32 = 100;
const PRIORITY: u32 = 100; // the manifest's: the workers share the first thread's
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

function report(what: string, n: u32): void {
  debugPrint(what);
  debugPrintDecimal(n);
  debugPrint("\n");
}

function check(ok: bool, code: u32): void {
  if (ok) return;
  debugPrint("FAIL\n");
  debugExit(code);
}

/** Each worker on a stack slot of its own (esp 0: root's choice), paged by root. */
function startWorkers(): void {
  const root = new RootTaskClient(ROOT_TASK_SLOT);
  check(root.bind() == 0, 0x30);
  for (let i: u32 = 0; i < WORKERS; i++) check(root.threadCreate(threadEntry(), 0, PRIORITY, i) == 0, 0x31);
}

function awaitWorkers(): void {
  for (let i: u32 = 0; i < WORKERS; i++) done.acquire();
}

export function main(a: u32, b: u32, c: u32, d: u32): u32 {
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
