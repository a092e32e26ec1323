// CAP_COPY and CAP_DELETE: deriving and removing capabilities. Layer: kernel objects
// (AssemblyScript).
//
// Interface (system calls; results in eax):
//   capCopy(thread)   eax slot = source; MR0 = destination TASK cap slot (WRITE) or 0 for the
//                     caller's own table; MR1 = destination slot (empty); MR2 = badge; MR3 = rights
//                     mask (the copy's rights = source's & mask, so rights only shrink).
//   capDelete(thread) eax slot = the capability to remove.
// Badges cannot be forged: a badge may be given only to a copy of an unbadged capability
// (otherwise MR2 must be 0 and the copy keeps the source's badge). For IRQ and IO_PORTS
// capabilities the badge narrows the copy's lines or ports instead (device-caps.ts).

import { callerCap, capBadge, capObject, capRights, capType, clearCap, freeSlot, installCap, isCapError, lookupCap } from "./captable";
import { narrowDeviceObject } from "./device-caps";
import {
  CAPTYPE_NULL,
  CAPTYPE_TASK,
  ERROR_INVALID_ARGUMENT,
  ERROR_OK,
  RIGHT_WRITE,
  THREAD_EBX,
  THREAD_EDI,
  THREAD_EDX,
  THREAD_ESI,
} from "./generated/layout";
import { threadTask } from "./thread";

export function capCopy(thread: u32): u32 {
  const from = callerCap(thread, CAPTYPE_NULL, 0);
  if (isCapError(from)) return from;
  const task = destinationTask(thread, load<u32>(thread + THREAD_EDX));
  if (isCapError(task)) return task;
  const to = freeSlot(task, load<u32>(thread + THREAD_EBX));
  if (isCapError(to)) return to;
  const badge = load<u32>(thread + THREAD_ESI);
  const rights = capRights(from) & load<u32>(thread + THREAD_EDI);
  if (badge != 0 && capBadge(from) != 0) return ERROR_INVALID_ARGUMENT;
  const object = narrowDeviceObject(capType(from), capObject(from), badge);
  installCap(to, capType(from), rights, object, badge != 0 ? badge : capBadge(from));
  return ERROR_OK;
}

export function capDelete(thread: u32): u32 {
  const slot = callerCap(thread, CAPTYPE_NULL, 0);
  if (isCapError(slot)) return slot;
  clearCap(slot);
  return ERROR_OK;
}

/** The task a copy goes to: the caller's own (0) or the one a TASK capability with WRITE names. */
function destinationTask(thread: u32, index: u32): u32 {
  if (index == 0) return threadTask(thread);
  const slot = lookupCap(threadTask(thread), index, CAPTYPE_TASK, RIGHT_WRITE);
  return isCapError(slot) ? slot : capObject(slot);
}
