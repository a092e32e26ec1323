// IPC timeouts: the threads whose blocking IPC has a deadline. Layer: kernel IPC (AssemblyScript).
//
// Interface: armTimeout(thread, ticks) (0 = forever: nothing armed); disarmTimeout(thread);
// takeExpired(now) → one thread whose deadline has passed, removed from the list, or 0.
// Invariants: THREAD_TIMEOUT ≠ 0 iff the thread is on the list (deadlines are never 0);
// the list is unordered and linked through THREAD_TIMEOUT_NEXT / THREAD_TIMEOUT_PREV — there are
// at most as many entries as blocked threads, and a tick scans it once.

import { THREAD_TIMEOUT, THREAD_TIMEOUT_NEXT, THREAD_TIMEOUT_PREV } from "./generated/layout";
import { ticks } from "./timer";

let first: u32 = 0;

export function armTimeout(thread: u32, timeout: u32): void {
  if (timeout == 0) return;
  let deadline = ticks() + timeout;
  if (deadline == 0) deadline = 1;
  store<u32>(thread + THREAD_TIMEOUT, deadline);
  store<u32>(thread + THREAD_TIMEOUT_PREV, 0);
  store<u32>(thread + THREAD_TIMEOUT_NEXT, first);
  if (first != 0) store<u32>(first + THREAD_TIMEOUT_PREV, thread);
  first = thread;
}

export function disarmTimeout(thread: u32): void {
  if (load<u32>(thread + THREAD_TIMEOUT) == 0) return;
  const next = load<u32>(thread + THREAD_TIMEOUT_NEXT);
  const prev = load<u32>(thread + THREAD_TIMEOUT_PREV);
  if (prev == 0) first = next;
  else store<u32>(prev + THREAD_TIMEOUT_NEXT, next);
  if (next != 0) store<u32>(next + THREAD_TIMEOUT_PREV, prev);
  store<u32>(thread + THREAD_TIMEOUT, 0);
}

/** A thread whose deadline is `now` or earlier (wrap-safe for deadlines < 2^31 ticks away). */
export function takeExpired(now: u32): u32 {
  for (let thread = first; thread != 0; thread = load<u32>(thread + THREAD_TIMEOUT_NEXT)) {
    if (<i32>(now - load<u32>(thread + THREAD_TIMEOUT)) >= 0) {
      disarmTimeout(thread);
      return thread;
    }
  }
  return 0;
}
