// Endpoints: the rendezvous objects of IPC, each a FIFO queue of blocked threads.
// Layer: kernel objects (AssemblyScript).
//
// Interface: createEndpoint() → endpoint or 0 (out of memory); queueKind(endpoint);
// queueFirst(endpoint); enqueueThread(endpoint, thread, kind); leaveQueue(thread) removes a
// thread from the queue it waits in (no-op if none).
// Invariants: a queue holds only senders (QUEUE_SENDERS) or only receivers (QUEUE_RECEIVERS),
// QUEUE_EMPTY iff QUEUE_HEAD is 0; a queued thread is linked through THREAD_NEXT / THREAD_PREV
// (0-terminated, never in a ready ring at the same time) and THREAD_WAITING_ON is its endpoint.

import { allocFrame } from "./frames";
import {
  ENDPOINT_ID,
  ENDPOINT_QUEUE_HEAD,
  ENDPOINT_QUEUE_KIND,
  ENDPOINT_QUEUE_TAIL,
  QUEUE_EMPTY,
  THREAD_NEXT,
  THREAD_PREV,
  THREAD_WAITING_ON,
} from "./generated/layout";

let nextEndpointId: u32 = 1;

export function createEndpoint(): u32 {
  const endpoint = allocFrame();
  if (endpoint != 0) store<u32>(endpoint + ENDPOINT_ID, nextEndpointId++);
  return endpoint;
}

export function queueKind(endpoint: u32): u32 {
  return load<u32>(endpoint + ENDPOINT_QUEUE_KIND);
}

export function queueFirst(endpoint: u32): u32 {
  return load<u32>(endpoint + ENDPOINT_QUEUE_HEAD);
}

/** Appends `thread` (already out of its ready ring) to the queue, which holds `kind` or is empty. */
export function enqueueThread(endpoint: u32, thread: u32, kind: u32): void {
  const tail = load<u32>(endpoint + ENDPOINT_QUEUE_TAIL);
  store<u32>(thread + THREAD_NEXT, 0);
  store<u32>(thread + THREAD_PREV, tail);
  if (tail == 0) store<u32>(endpoint + ENDPOINT_QUEUE_HEAD, thread);
  else store<u32>(tail + THREAD_NEXT, thread);
  store<u32>(endpoint + ENDPOINT_QUEUE_TAIL, thread);
  store<u32>(endpoint + ENDPOINT_QUEUE_KIND, kind);
  store<u32>(thread + THREAD_WAITING_ON, endpoint);
}

/** Unlinks `thread` from the endpoint queue it waits in. */
export function leaveQueue(thread: u32): void {
  const endpoint = load<u32>(thread + THREAD_WAITING_ON);
  if (endpoint == 0) return;
  const next = load<u32>(thread + THREAD_NEXT);
  const prev = load<u32>(thread + THREAD_PREV);
  if (prev == 0) store<u32>(endpoint + ENDPOINT_QUEUE_HEAD, next);
  else store<u32>(prev + THREAD_NEXT, next);
  if (next == 0) store<u32>(endpoint + ENDPOINT_QUEUE_TAIL, prev);
  else store<u32>(next + THREAD_PREV, prev);
  if (next == 0 && prev == 0) store<u32>(endpoint + ENDPOINT_QUEUE_KIND, QUEUE_EMPTY);
  store<u32>(thread + THREAD_NEXT, 0);
  store<u32>(thread + THREAD_PREV, 0);
  store<u32>(thread + THREAD_WAITING_ON, 0);
}
