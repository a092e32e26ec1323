// Synchronous IPC, the slow path: send, recv, call, reply_recv through endpoint capabilities,
// the kernel's calls on a thread's behalf (page faults, exceptions), timeouts and aborts.
// Layer: kernel IPC (AssemblyScript). Semantics: README "IPC" and /tmp/kernel-brief.md.
//
// Interface (system calls, on the current thread; each decodes everything before it changes
// anything, and ends by scheduling): sysSend, sysCall, sysRecv, sysReplyRecv. A receiver
// takes a pending interrupt on its endpoint (irq.ts) before it would block.
// Kernel-internal: kernelCall(thread, endpoint, badge, tag, mr0..mr3) blocks `thread` in a call
// whose message comes from the kernel and whose reply only resumes it (callPager builds the
// PAGE_FAULT one); ipcTick(now) expires timeouts (the timer calls it every tick); forgetIpc
// (thread) takes a dying thread out of every IPC relation (lifecycle.ts).
// Invariants: a SENDING or RECEIVING thread is in exactly one endpoint queue; an AWAITING_REPLY
// thread T has REPLY_TO = S and S.CALLER = T (the one-shot reply right) — when S loses that right
// (receives another call, dies) T is aborted; a thread with a deadline is on the timeout list.

import { callerCap, capBadge, capObject, capRights, isCapError } from "./captable";
import { enqueueThread, leaveQueue, queueFirst, queueKind } from "./endpoint";
import {
  CAPTYPE_ENDPOINT,
  ERROR_ABORTED,
  ERROR_OK,
  ERROR_TIMEOUT,
  IPC_CALL,
  IPC_KERNEL_MESSAGE,
  LABEL_PAGE_FAULT,
  QUEUE_RECEIVERS,
  QUEUE_SENDERS,
  RIGHT_GRANT,
  RIGHT_RECEIVE,
  RIGHT_SEND,
  STATE_AWAITING_REPLY,
  STATE_INACTIVE,
  STATE_READY,
  STATE_RECEIVING,
  STATE_SENDING,
  THREAD_BADGE,
  THREAD_CALLER,
  THREAD_EAX,
  THREAD_EBP,
  THREAD_ECX,
  THREAD_FAULT,
  THREAD_IPC_FLAGS,
  THREAD_KERNEL_MR0,
  THREAD_KERNEL_MR1,
  THREAD_KERNEL_MR2,
  THREAD_KERNEL_MR3,
  THREAD_KERNEL_TAG,
  THREAD_PAGER,
  THREAD_PAGER_BADGE,
  THREAD_REPLY_TO,
  THREAD_STATE,
  TIMEOUT_NEVER_BLOCK,
} from "./generated/layout";
import { puts } from "./console";
import { resumeAfterException } from "./exceptions";
import { irqDeliverPending } from "./irq";
import { resumeFaulter } from "./pagefault";
import { checkMessage, isKernelMessage, makeTag, transfer } from "./message";
import { makeBlocked, makeReady, schedule } from "./scheduler";
import { armTimeout, disarmTimeout, takeExpired } from "./timeouts";

const SEND_TIMEOUT_MASK: u32 = 0xffff;
const RECEIVE_TIMEOUT_SHIFT: u32 = 16;

export function sysSend(thread: u32): void {
  startSend(thread, 0);
}

export function sysCall(thread: u32): void {
  startSend(thread, IPC_CALL);
}

export function sysRecv(thread: u32): void {
  const slot = callerCap(thread, CAPTYPE_ENDPOINT, RIGHT_RECEIVE);
  if (isCapError(slot)) return fail(thread, slot);
  store<u32>(thread + THREAD_IPC_FLAGS, 0);
  receiveFrom(thread, capObject(slot), receiveTimeout(thread));
  schedule();
}

export function sysReplyRecv(thread: u32): void {
  const slot = callerCap(thread, CAPTYPE_ENDPOINT, RIGHT_RECEIVE);
  if (isCapError(slot)) return fail(thread, slot);
  const caller = pendingCaller(thread);
  if (caller != 0) {
    const error = checkMessage(thread, load<u32>(thread + THREAD_ECX), RIGHT_GRANT);
    if (error != ERROR_OK) return fail(thread, error);
  }
  store<u32>(thread + THREAD_IPC_FLAGS, 0);
  if (caller != 0) {
    const error = transfer(thread, caller, 0);
    if (error != ERROR_OK) return fail(thread, error);
    resumeCaller(caller, thread);
  }
  receiveFrom(thread, capObject(slot), receiveTimeout(thread));
  schedule();
}

/**
 * Blocks `thread` (current or not) in a call to `endpoint` with a message from the kernel; the
 * reply resumes it (resumeCaller). Does not schedule: the caller does.
 */
export function kernelCall(thread: u32, endpoint: u32, badge: u32, tag: u32, mr0: u32, mr1: u32, mr2: u32, mr3: u32): void {
  store<u32>(thread + THREAD_KERNEL_TAG, tag);
  store<u32>(thread + THREAD_KERNEL_MR0, mr0);
  store<u32>(thread + THREAD_KERNEL_MR1, mr1);
  store<u32>(thread + THREAD_KERNEL_MR2, mr2);
  store<u32>(thread + THREAD_KERNEL_MR3, mr3);
  store<u32>(thread + THREAD_IPC_FLAGS, IPC_CALL | IPC_KERNEL_MESSAGE);
  sendTo(thread, endpoint, badge, 0);
}

/** The page-fault IPC to `thread`'s pager; false if it has none. Does not schedule. */
export function callPager(thread: u32, address: u32, eip: u32, access: u32): bool {
  const pager = load<u32>(thread + THREAD_PAGER);
  if (pager == 0) return false;
  const badge = load<u32>(thread + THREAD_PAGER_BADGE);
  store<u32>(thread + THREAD_FAULT, address);
  kernelCall(thread, pager, badge, makeTag(LABEL_PAGE_FAULT, 3, 0), address, eip, access, 0);
  return true;
}

/** Called by the timer every tick: blocked IPCs whose timeout has passed fail with TIMEOUT. */
export function ipcTick(now: u32): void {
  for (let thread = takeExpired(now); thread != 0; thread = takeExpired(now)) {
    abortIpc(thread, ERROR_TIMEOUT);
  }
}

/** Takes a dying thread out of queues, the timeout list and reply relations. */
export function forgetIpc(thread: u32): void {
  leaveQueue(thread);
  disarmTimeout(thread);
  if (load<u32>(thread + THREAD_STATE) == STATE_AWAITING_REPLY) endReplyWait(thread);
  const caller = pendingCaller(thread);
  store<u32>(thread + THREAD_CALLER, 0);
  if (caller != 0) abortIpc(caller, ERROR_ABORTED);
}

function startSend(thread: u32, flags: u32): void {
  const slot = callerCap(thread, CAPTYPE_ENDPOINT, RIGHT_SEND);
  if (isCapError(slot)) return fail(thread, slot);
  const error = checkMessage(thread, load<u32>(thread + THREAD_ECX), capRights(slot));
  if (error != ERROR_OK) return fail(thread, error);
  store<u32>(thread + THREAD_IPC_FLAGS, flags);
  sendTo(thread, capObject(slot), capBadge(slot), load<u32>(thread + THREAD_EBP) & SEND_TIMEOUT_MASK);
  schedule();
}

/** The rendezvous from the sender's side, or the sender blocks. Does not schedule. */
function sendTo(sender: u32, endpoint: u32, badge: u32, timeout: u32): void {
  store<u32>(sender + THREAD_BADGE, badge);
  if (queueKind(endpoint) != QUEUE_RECEIVERS) {
    if (timeout == TIMEOUT_NEVER_BLOCK) return failNoSchedule(sender, ERROR_TIMEOUT);
    block(sender, STATE_SENDING, endpoint, QUEUE_SENDERS, timeout);
    return;
  }
  const receiver = queueFirst(endpoint);
  const error = transfer(sender, receiver, badge);
  if (error != ERROR_OK) return failNoSchedule(sender, error);
  leaveQueue(receiver);
  disarmTimeout(receiver);
  makeReady(receiver);
  senderDone(sender, receiver);
}

/** The rendezvous from the receiver's side, or the receiver blocks. Does not schedule. */
function receiveFrom(receiver: u32, endpoint: u32, timeout: u32): void {
  while (queueKind(endpoint) == QUEUE_SENDERS) {
    const sender = queueFirst(endpoint);
    leaveQueue(sender);
    disarmTimeout(sender);
    const error = transfer(sender, receiver, load<u32>(sender + THREAD_BADGE));
    if (error == ERROR_OK) {
      senderDone(sender, receiver);
      return;
    }
    abortIpc(sender, error);
  }
  if (irqDeliverPending(endpoint, receiver)) return;
  if (timeout == TIMEOUT_NEVER_BLOCK) return failNoSchedule(receiver, ERROR_TIMEOUT);
  block(receiver, STATE_RECEIVING, endpoint, QUEUE_RECEIVERS, timeout);
}

/** After a transfer: a caller waits for the reply; a plain sender has succeeded. */
function senderDone(sender: u32, receiver: u32): void {
  if ((load<u32>(sender + THREAD_IPC_FLAGS) & IPC_CALL) == 0) {
    store<u32>(sender + THREAD_EAX, ERROR_OK);
    makeReady(sender);
    return;
  }
  const lost = pendingCaller(receiver);
  if (lost != 0 && lost != sender) abortIpc(lost, ERROR_ABORTED);
  store<u32>(receiver + THREAD_CALLER, sender);
  store<u32>(sender + THREAD_REPLY_TO, receiver);
  makeBlocked(sender, STATE_AWAITING_REPLY);
  if (!isKernelMessage(sender)) armTimeout(sender, receiveTimeout(sender));
}

function block(thread: u32, state: u32, endpoint: u32, kind: u32, timeout: u32): void {
  makeBlocked(thread, state);
  enqueueThread(endpoint, thread, kind);
  armTimeout(thread, timeout);
}

/**
 * The reply has reached `caller`: a user caller runs again; a thread the kernel called for
 * resumes through its owner — a page fault retries if the reply mapped the page
 * (pagefault.ts), an exception continues where the handler says (exceptions.ts).
 */
function resumeCaller(caller: u32, replier: u32): void {
  const kernel = isKernelMessage(caller);
  const fault = load<u32>(caller + THREAD_FAULT);
  endReplyWait(caller);
  if (!kernel) makeReady(caller);
  else if (fault != 0) resumeFaulter(caller, fault);
  else resumeAfterException(caller, replier);
}

/** `thread`'s caller, if it still waits for `thread`'s reply; else 0. */
function pendingCaller(thread: u32): u32 {
  const caller = load<u32>(thread + THREAD_CALLER);
  if (caller == 0) return 0;
  if (load<u32>(caller + THREAD_STATE) != STATE_AWAITING_REPLY) return 0;
  return load<u32>(caller + THREAD_REPLY_TO) == thread ? caller : 0;
}

/** Unlinks an AWAITING_REPLY thread from its server (the reply right is used up or void). */
function endReplyWait(caller: u32): void {
  const server = load<u32>(caller + THREAD_REPLY_TO);
  if (server != 0 && load<u32>(server + THREAD_CALLER) == caller) store<u32>(server + THREAD_CALLER, 0);
  store<u32>(caller + THREAD_REPLY_TO, 0);
  disarmTimeout(caller);
  store<u32>(caller + THREAD_IPC_FLAGS, 0);
  store<u32>(caller + THREAD_FAULT, 0);
}

/** Ends a blocked IPC with `error`. A kernel call cannot report it: that thread stays stopped. */
function abortIpc(thread: u32, error: u32): void {
  leaveQueue(thread);
  disarmTimeout(thread);
  const kernel = isKernelMessage(thread);
  if (load<u32>(thread + THREAD_STATE) == STATE_AWAITING_REPLY) endReplyWait(thread);
  if (kernel) {
    puts("[kernel] a thread's pager or exception handler went away; thread stopped\n");
    makeBlocked(thread, STATE_INACTIVE);
    return;
  }
  store<u32>(thread + THREAD_EAX, error);
  makeReady(thread);
}

function receiveTimeout(thread: u32): u32 {
  return load<u32>(thread + THREAD_EBP) >> RECEIVE_TIMEOUT_SHIFT;
}

function fail(thread: u32, error: u32): void {
  failNoSchedule(thread, error);
  schedule();
}

function failNoSchedule(thread: u32, error: u32): void {
  store<u32>(thread + THREAD_EAX, error);
  if (load<u32>(thread + THREAD_STATE) != STATE_READY) makeReady(thread);
}
