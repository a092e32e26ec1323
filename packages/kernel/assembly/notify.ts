// Kernel notifications: one-word messages the kernel itself sends to a thread waiting in recv
// (interrupts). Layer: kernel IPC, on the IPC owner's endpoint queues (AssemblyScript).
//
// Interface: takeReceiver(endpoint) → the first thread blocked receiving on `endpoint`, taken
// out of the queue and the timeout list, or 0 when none waits; deliverNotification(receiver,
// tag, mr0, badge) completes its recv: eax = OK, ecx = tag, MR0 = mr0, ebp = badge, READY.
// A notification is not a call: it leaves the receiver's reply right (CALLER) alone, exactly as
// a plain send does.

import { leaveQueue, queueFirst, queueKind } from "./endpoint";
import { ERROR_OK, QUEUE_RECEIVERS, THREAD_EAX, THREAD_EBP, THREAD_ECX, THREAD_EDX } from "./generated/layout";
import { makeReady } from "./scheduler";
import { disarmTimeout } from "./timeouts";

export function takeReceiver(endpoint: u32): u32 {
  if (queueKind(endpoint) != QUEUE_RECEIVERS) return 0;
  const receiver = queueFirst(endpoint);
  leaveQueue(receiver);
  disarmTimeout(receiver);
  return receiver;
}

export function deliverNotification(receiver: u32, tag: u32, mr0: u32, badge: u32): void {
  store<u32>(receiver + THREAD_EAX, ERROR_OK);
  store<u32>(receiver + THREAD_ECX, tag);
  store<u32>(receiver + THREAD_EDX, mr0);
  store<u32>(receiver + THREAD_EBP, badge);
  makeReady(receiver);
}
