// Preemptive priority round-robin scheduling. Layer: kernel (AssemblyScript).
//
// Interface: schedulerInit(idle); makeReady(thread) / makeBlocked(thread, state);
// schedule() activates the highest-priority ready thread (or idle); tick() on every timer
// interrupt rotates the current priority level when the time slice is used up.
// Invariants: a thread is in its priority's ready ring iff its state is READY (the running
// thread included); `readyLevels` has bit p set iff ring p is non-empty.

import { activate, currentThread } from "./cpu";
import {
  STATE_READY,
  THREAD_NEXT,
  THREAD_PREV,
  THREAD_PRIORITY,
  THREAD_STATE,
  THREAD_TIMESLICE,
} from "./generated/layout";

export const TIMESLICE_TICKS: u32 = 5;
const LEVELS: u32 = 256;

const readyHeads = memory.data(LEVELS * 4);
const readyLevels = memory.data(LEVELS / 8);
let idleThread: u32 = 0;

export function schedulerInit(idle: u32): void {
  idleThread = idle;
}

export function makeReady(thread: u32): void {
  if (load<u32>(thread + THREAD_STATE) == STATE_READY) return;
  store<u32>(thread + THREAD_STATE, STATE_READY);
  store<u32>(thread + THREAD_TIMESLICE, TIMESLICE_TICKS);
  enqueue(thread);
}

export function makeBlocked(thread: u32, state: u32): void {
  if (load<u32>(thread + THREAD_STATE) == STATE_READY) dequeue(thread);
  store<u32>(thread + THREAD_STATE, state);
}

/** Activates the thread that should run now. */
export function schedule(): void {
  activate(highestReady());
}

/** True when a ready thread outranks the current one (the caller then calls schedule()). */
export function preempts(thread: u32): bool {
  const current = currentThread();
  if (current == idleThread) return true;
  return load<u32>(thread + THREAD_PRIORITY) > load<u32>(current + THREAD_PRIORITY);
}

/** The timer's share: round robin within the current thread's priority. */
export function tick(): void {
  const current = currentThread();
  if (current == idleThread || load<u32>(current + THREAD_STATE) != STATE_READY) return;
  const left = load<u32>(current + THREAD_TIMESLICE) - 1;
  if (left > 0) {
    store<u32>(current + THREAD_TIMESLICE, left);
    return;
  }
  store<u32>(current + THREAD_TIMESLICE, TIMESLICE_TICKS);
  rotate(current);
}

/** Moves `thread` to the back of its ring (yield). */
export function rotate(thread: u32): void {
  const head = readyHeads + load<u32>(thread + THREAD_PRIORITY) * 4;
  if (load<u32>(head) == thread) store<u32>(head, load<u32>(thread + THREAD_NEXT));
}

function highestReady(): u32 {
  for (let word: i32 = <i32>(LEVELS / 32) - 1; word >= 0; word--) {
    const bits = load<u32>(readyLevels + <u32>word * 4);
    if (bits != 0) return load<u32>(readyHeads + (<u32>word * 32 + 31 - clz(bits)) * 4);
  }
  return idleThread;
}

function enqueue(thread: u32): void {
  const priority = load<u32>(thread + THREAD_PRIORITY);
  const head = readyHeads + priority * 4;
  const first = load<u32>(head);
  if (first == 0) {
    store<u32>(head, thread);
    store<u32>(thread + THREAD_NEXT, thread);
    store<u32>(thread + THREAD_PREV, thread);
    setLevel(priority, true);
    return;
  }
  const last = load<u32>(first + THREAD_PREV);
  store<u32>(thread + THREAD_NEXT, first);
  store<u32>(thread + THREAD_PREV, last);
  store<u32>(last + THREAD_NEXT, thread);
  store<u32>(first + THREAD_PREV, thread);
}

function dequeue(thread: u32): void {
  const priority = load<u32>(thread + THREAD_PRIORITY);
  const head = readyHeads + priority * 4;
  const next = load<u32>(thread + THREAD_NEXT);
  if (next == thread) {
    store<u32>(head, 0);
    setLevel(priority, false);
  } else {
    const prev = load<u32>(thread + THREAD_PREV);
    store<u32>(prev + THREAD_NEXT, next);
    store<u32>(next + THREAD_PREV, prev);
    if (load<u32>(head) == thread) store<u32>(head, next);
  }
  store<u32>(thread + THREAD_NEXT, 0);
  store<u32>(thread + THREAD_PREV, 0);
}

function setLevel(priority: u32, on: bool): void {
  const word = readyLevels + (priority >> 5) * 4;
  const bit: u32 = 1 << (priority & 31);
  store<u32>(word, on ? load<u32>(word) | bit : load<u32>(word) & ~bit);
}
