// Interrupts as IPC: attaching lines to endpoints, delivering and acknowledging them.
// Layer: kernel resources (AssemblyScript).
//
// Interface:
//   irqAttach(thread) → error code — IRQ_ATTACH: eax slot = an IRQ capability covering the line,
//       MR0 (edx) = line, MR1 (ebx) = slot of an endpoint capability with the send right
//       (0 = detach the line).
//   irqAck(thread) → error code — IRQ_ACK: eax slot = an IRQ capability, MR0 = line; unmasks
//       the line after its interrupt was delivered.
//   irqRaised(line) — the interrupt handler's share, for every line.
//   irqDeliverPending(endpoint, receiver) → true when a pending interrupt of a line attached to
//       `endpoint` was delivered to `receiver` (the receive path calls it before blocking).
//
// Per line: DETACHED → (attach) ARMED → (interrupt) PENDING → (a receiver takes it) DELIVERED →
// (ack) ARMED. From the interrupt to the ack the line is masked at the PIC, so a driver sees
// one message per interrupt and a storm cannot starve anyone. The timer line is never masked
// (the kernel schedules on it): its interrupts while PENDING or DELIVERED are coalesced into the
// one outstanding message. The message: tag label LABEL_IRQ with one word, MR0 = line, badge =
// the badge of the endpoint capability named at attach time; it needs no reply. Line 2 (the
// slave PIC's cascade) cannot be attached.

import { callerCap, capBadge, capObject, isCapError, lookupCap } from "./captable";
import {
  ADDRESS_CPU,
  CAPTYPE_ENDPOINT,
  CPU_IRQ_PENDING,
  CAPTYPE_IRQ,
  ERROR_INVALID_ARGUMENT,
  ERROR_OK,
  IRQ_LINES,
  LABEL_IRQ,
  RIGHT_SEND,
  TAG_WORDS_SHIFT,
  THREAD_EBX,
  THREAD_EDX,
} from "./generated/layout";
import { deliverNotification, takeReceiver } from "./notify";
import { CASCADE_LINE, mask, unmask } from "./pic";
import { threadTask } from "./thread";
import { TIMER_LINE } from "./timer";

const DETACHED: u32 = 0;
const ARMED: u32 = 1;
const PENDING: u32 = 2;
const DELIVERED: u32 = 3;

// One entry per line: endpoint, badge, state.
const ENTRY_ENDPOINT: u32 = 0;
const ENTRY_BADGE: u32 = 4;
const ENTRY_STATE: u32 = 8;
const ENTRY_SIZE: u32 = 16;
const lines = memory.data(IRQ_LINES * ENTRY_SIZE);

const IRQ_TAG: u32 = LABEL_IRQ | (1 << TAG_WORDS_SHIFT);

export function irqAttach(thread: u32): u32 {
  const line = load<u32>(thread + THREAD_EDX);
  const error = checkLine(thread, line);
  if (error != ERROR_OK) return error;
  const endpointSlot = load<u32>(thread + THREAD_EBX);
  if (endpointSlot == 0) {
    detach(line);
    return ERROR_OK;
  }
  const endpoint = lookupCap(threadTask(thread), endpointSlot, CAPTYPE_ENDPOINT, RIGHT_SEND);
  if (isCapError(endpoint)) return endpoint;
  attach(line, capObject(endpoint), capBadge(endpoint));
  return ERROR_OK;
}

export function irqAck(thread: u32): u32 {
  const line = load<u32>(thread + THREAD_EDX);
  const error = checkLine(thread, line);
  if (error != ERROR_OK) return error;
  const state = stateOf(line);
  if (state == DETACHED) return ERROR_INVALID_ARGUMENT;
  if (state == DELIVERED) arm(line);
  return ERROR_OK;
}

export function irqRaised(line: u32): void {
  if (stateOf(line) != ARMED) return;
  if (line != TIMER_LINE) mask(line);
  setState(line, PENDING);
  const receiver = takeReceiver(endpointOf(line));
  if (receiver != 0) deliver(line, receiver);
}

export function irqDeliverPending(endpoint: u32, receiver: u32): bool {
  for (let line: u32 = 0; line < IRQ_LINES; line++) {
    if (stateOf(line) == PENDING && endpointOf(line) == endpoint) {
      deliver(line, receiver);
      return true;
    }
  }
  return false;
}

/** ERROR_OK when the caller's capability (eax slot) is an IRQ capability covering `line`. */
function checkLine(thread: u32, line: u32): u32 {
  const irq = callerCap(thread, CAPTYPE_IRQ, 0);
  if (isCapError(irq)) return irq;
  if (line >= IRQ_LINES || line == CASCADE_LINE) return ERROR_INVALID_ARGUMENT;
  return (capObject(irq) & (1 << line)) == 0 ? ERROR_INVALID_ARGUMENT : ERROR_OK;
}

function attach(line: u32, endpoint: u32, badge: u32): void {
  store<u32>(entry(line) + ENTRY_ENDPOINT, endpoint);
  store<u32>(entry(line) + ENTRY_BADGE, badge);
  arm(line);
}

function detach(line: u32): void {
  if (line != TIMER_LINE) mask(line);
  store<u32>(entry(line) + ENTRY_ENDPOINT, 0);
  setState(line, DETACHED);
}

function arm(line: u32): void {
  setState(line, ARMED);
  if (line != TIMER_LINE) unmask(line);
}

function deliver(line: u32, receiver: u32): void {
  setState(line, DELIVERED);
  deliverNotification(receiver, IRQ_TAG, line, load<u32>(entry(line) + ENTRY_BADGE));
}

function entry(line: u32): u32 {
  return lines + line * ENTRY_SIZE;
}

function stateOf(line: u32): u32 {
  return load<u32>(entry(line) + ENTRY_STATE);
}

function setState(line: u32, state: u32): void {
  store<u32>(entry(line) + ENTRY_STATE, state);
  const pending = ADDRESS_CPU + CPU_IRQ_PENDING; // read by the IPC fast path (src/entry/fastpath.ts)
  const bit: u32 = 1 << line;
  store<u32>(pending, state == PENDING ? load<u32>(pending) | bit : load<u32>(pending) & ~bit);
}

function endpointOf(line: u32): u32 {
  return load<u32>(entry(line) + ENTRY_ENDPOINT);
}
