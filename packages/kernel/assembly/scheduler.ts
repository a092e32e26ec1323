// Preemptive priority round-robin scheduling. Layer: kernel (AssemblyScript).
//
// Interface: schedulerInit(idle); makeReady(thread) / makeBlocked(thread, state);
// schedule() activates the thread that should run now (the current one if it still may, else
// the highest-priority ready thread, else idle); tick() on every timer interrupt; rotate(thread)
// (yield) sends a thread to the back of its priority; preempts(thread).
//
// The running thread is NOT in a ready ring (it is taken out when it is chosen), so an IPC that
// blocks the current thread and runs its partner touches no ring at all — the IPC fast path
// (src/entry/fastpath.ts) relies on the invariants below and on nothing else in this file.
// Invariants, at every exit to user level:
//  1. A thread is in its priority's ready ring (at ADDRESS_READY_RINGS + 4·priority, a circular
//     list through THREAD_NEXT/THREAD_PREV starting at the ring's head) iff its state is READY
//     and it is not CPU.CURRENT; the idle thread is never in a ring.
//  2. A READY thread has THREAD_NEXT ≠ 0 iff it is in a ring (a running thread has NEXT = 0).
//  3. CPU.CURRENT's priority is ≥ that of every thread in a ring. So a thread P that an IPC makes
//     READY while the current thread blocks is exactly the one schedule() picks whenever
//     priority(P) ≥ priority(current) and P's ring is empty — the fast path's condition.
//  4. `readyLevels` has bit p set iff ring p is non-empty.
// A thread that becomes READY gets a fresh time slice; a preempted thread goes back to the front
// of its ring (it keeps its turn), one that used up its slice or yielded to the back.

import { activate, currentThread } from "./cpu";
import {
  ADDRESS_READY_RINGS,
  STATE_READY,
  THREAD_NEXT,
  THREAD_PREV,
  THREAD_PRIORITY,
  THREAD_STATE,
  THREAD_TIMESLICE,
  TIMESLICE_TICKS,
} from "./generated/layout";

const LEVELS: u32 = 256;

const readyLevels = memory.data(LEVELS / 8);
let idleThread: u32 = 0;

export function schedulerInit(idle: u32): void {
  idleThread = idle;
  memory.fill(ADDRESS_READY_RINGS, 0, LEVELS * 4);
}

export function makeReady(thread: u32): void {
  if (load<u32>(thread + THREAD_STATE) == STATE_READY) return;
  store<u32>(thread + THREAD_STATE, STATE_READY);
  store<u32>(thread + THREAD_TIMESLICE, TIMESLICE_TICKS);
  if (thread != currentThread()) enqueue(thread, false);
}

export function makeBlocked(thread: u32, state: u32): void {
  if (isQueued(thread)) dequeue(thread);
  store<u32>(thread + THREAD_STATE, state);
}

/** Activates the thread that should run now. */
export function schedule(): void {
  const current = currentThread();
  if (isRunning(current)) {
    const top = highestLevel();
    if (top < 0 || <u32>top <= priorityOf(current)) {
      activate(current);
      return;
    }
    enqueue(current, true);
  }
  activate(takeHighest());
}

/** True when `thread` outranks the current one (the caller then calls schedule()). */
export function preempts(thread: u32): bool {
  const current = currentThread();
  if (current == 0 || current == idleThread) return true;
  return priorityOf(thread) > priorityOf(current);
}

/** The timer's share: round robin within the current thread's priority. */
export function tick(): void {
  const current = currentThread();
  if (!isRunning(current)) return;
  const left = load<u32>(current + THREAD_TIMESLICE) - 1;
  if (left > 0) {
    store<u32>(current + THREAD_TIMESLICE, left);
    return;
  }
  store<u32>(current + THREAD_TIMESLICE, TIMESLICE_TICKS);
  rotate(current);
}

/** Moves a READY `thread` to the back of its ring (yield); schedule() then picks the next. */
export function rotate(thread: u32): void {
  if (load<u32>(thread + THREAD_STATE) != STATE_READY || thread == idleThread) return;
  if (isQueued(thread)) dequeue(thread);
  enqueue(thread, false);
}

/** READY and not waiting in a ring: the current thread that has not yielded (0 before the first). */
function isRunning(thread: u32): bool {
  if (thread == 0 || thread == idleThread) return false;
  return load<u32>(thread + THREAD_STATE) == STATE_READY && load<u32>(thread + THREAD_NEXT) == 0;
}

function isQueued(thread: u32): bool {
  return load<u32>(thread + THREAD_STATE) == STATE_READY && load<u32>(thread + THREAD_NEXT) != 0;
}

function priorityOf(thread: u32): u32 {
  return load<u32>(thread + THREAD_PRIORITY);
}

/** Removes and returns the head of the highest non-empty ring, or the idle thread. */
function takeHighest(): u32 {
  const top = highestLevel();
  if (top < 0) return idleThread;
  const thread = load<u32>(ADDRESS_READY_RINGS + <u32>top * 4);
  dequeue(thread);
  return thread;
}

function highestLevel(): i32 {
  for (let word: i32 = <i32>(LEVELS / 32) - 1; word >= 0; word--) {
    const bits = load<u32>(readyLevels + <u32>word * 4);
    if (bits != 0) return word * 32 + 31 - <i32>clz(bits);
  }
  return -1;
}

/** Links `thread` at the back of its ring, or at the front when `first`. */
function enqueue(thread: u32, first: bool): void {
  const priority = priorityOf(thread);
  const head = ADDRESS_READY_RINGS + priority * 4;
  const front = load<u32>(head);
  if (front == 0) {
    store<u32>(head, thread);
    store<u32>(thread + THREAD_NEXT, thread);
    store<u32>(thread + THREAD_PREV, thread);
    setLevel(priority, true);
    return;
  }
  const last = load<u32>(front + THREAD_PREV);
  store<u32>(thread + THREAD_NEXT, front);
  store<u32>(thread + THREAD_PREV, last);
  store<u32>(last + THREAD_NEXT, thread);
  store<u32>(front + THREAD_PREV, thread);
  if (first) store<u32>(head, thread);
}

function dequeue(thread: u32): void {
  const priority = priorityOf(thread);
  const head = ADDRESS_READY_RINGS + priority * 4;
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
