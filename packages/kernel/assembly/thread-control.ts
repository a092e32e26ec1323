// THREAD_CONTROL: starting a thread and setting its priority, pager, exception handler and
// start registers. Layer: kernel objects (AssemblyScript).
//
// Interface: threadControl(thread) → error code. eax bits 8–31 = THREAD capability (WRITE right),
// MR0 = THREAD_OP_*, arguments in MR1–MR4 (README). Rules: START and SET_REGISTERS only on an
// INACTIVE thread; a priority at most the caller's own (no thread raises anyone above itself);
// the pager and exception handler are endpoint capabilities with the SEND right in the caller's
// table, copied with their badge into the TCB (slot 0 clears them).

import { callerCap, capBadge, capObject, isCapError, lookupCap } from "./captable";
import {
  CAPTYPE_ENDPOINT,
  CAPTYPE_THREAD,
  ERROR_INVALID_ARGUMENT,
  ERROR_OK,
  REGISTER_MESSAGE_WORDS,
  RIGHT_SEND,
  RIGHT_WRITE,
  STATE_INACTIVE,
  STATE_READY,
  THREAD_EAX,
  THREAD_EBX,
  THREAD_ECX,
  THREAD_EDI,
  THREAD_EDX,
  THREAD_ESI,
  THREAD_EXCEPTION_BADGE,
  THREAD_EXCEPTION_HANDLER,
  THREAD_OP_SET_EXCEPTION_HANDLER,
  THREAD_OP_SET_PAGER,
  THREAD_OP_SET_PRIORITY,
  THREAD_OP_SET_REGISTERS,
  THREAD_OP_START,
  THREAD_PAGER,
  THREAD_PAGER_BADGE,
  THREAD_PRIORITY,
  THREAD_STATE,
  UTCB_MR0,
} from "./generated/layout";
import { utcbKernelAddress } from "./user-memory";
import { makeBlocked, makeReady } from "./scheduler";
import { threadTask } from "./thread";

export function threadControl(thread: u32): u32 {
  const cap = callerCap(thread, CAPTYPE_THREAD, RIGHT_WRITE);
  if (isCapError(cap)) return cap;
  const target = capObject(cap);
  const argument = load<u32>(thread + THREAD_EBX);
  switch (load<u32>(thread + THREAD_EDX)) {
    case THREAD_OP_START:
      return start(target);
    case THREAD_OP_SET_PRIORITY:
      return setPriority(thread, target, argument);
    case THREAD_OP_SET_PAGER:
      return setHandler(thread, target, argument, THREAD_PAGER, THREAD_PAGER_BADGE);
    case THREAD_OP_SET_EXCEPTION_HANDLER:
      return setHandler(thread, target, argument, THREAD_EXCEPTION_HANDLER, THREAD_EXCEPTION_BADGE);
    case THREAD_OP_SET_REGISTERS:
      return setRegisters(thread, target);
    default:
      return ERROR_INVALID_ARGUMENT;
  }
}

function start(target: u32): u32 {
  if (load<u32>(target + THREAD_STATE) != STATE_INACTIVE) return ERROR_INVALID_ARGUMENT;
  makeReady(target);
  return ERROR_OK;
}

function setPriority(thread: u32, target: u32, priority: u32): u32 {
  if (priority > load<u32>(thread + THREAD_PRIORITY)) return ERROR_INVALID_ARGUMENT;
  const ready = load<u32>(target + THREAD_STATE) == STATE_READY;
  if (ready) makeBlocked(target, STATE_INACTIVE); // out of its old ring, back into the new one
  store<u32>(target + THREAD_PRIORITY, priority);
  if (ready) makeReady(target);
  return ERROR_OK;
}

function setHandler(thread: u32, target: u32, index: u32, field: u32, badgeField: u32): u32 {
  let endpoint: u32 = 0;
  let badge: u32 = 0;
  if (index != 0) {
    const slot = lookupCap(threadTask(thread), index, CAPTYPE_ENDPOINT, RIGHT_SEND);
    if (isCapError(slot)) return slot;
    endpoint = capObject(slot);
    badge = capBadge(slot);
  }
  store<u32>(target + field, endpoint);
  store<u32>(target + badgeField, badge);
  return ERROR_OK;
}

/** eax, ebx, ecx from MR1–MR3; edx from MR4 in the caller's UTCB. */
function setRegisters(thread: u32, target: u32): u32 {
  if (load<u32>(target + THREAD_STATE) != STATE_INACTIVE) return ERROR_INVALID_ARGUMENT;
  const utcb = utcbKernelAddress(thread);
  if (utcb == 0) return ERROR_INVALID_ARGUMENT;
  store<u32>(target + THREAD_EAX, load<u32>(thread + THREAD_EBX));
  store<u32>(target + THREAD_EBX, load<u32>(thread + THREAD_ESI));
  store<u32>(target + THREAD_ECX, load<u32>(thread + THREAD_EDI));
  store<u32>(target + THREAD_EDX, load<u32>(utcb + UTCB_MR0 + REGISTER_MESSAGE_WORDS * 4));
  return ERROR_OK;
}
