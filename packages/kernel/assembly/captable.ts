// Capability tables: decoding the slot a system call names, and filling and clearing slots.
// Layer: kernel objects (AssemblyScript).
//
// Interface: callerCap(thread, type, right) decodes eax bits 8–31 of `thread`'s frame against
// its task's table; lookupCap(task, index, type, right) does the same for any index;
// freeSlot(task, index) finds an empty destination slot; installCap / clearCap write slots.
// Lookups return a slot address, or an error code (isCapError) — never both, and never with a
// side effect, so every handler can decode all its arguments before it changes anything.
// Slot word TYPE_RIGHTS: bits 0–7 type (CAPTYPE_*), bits 8–15 rights (RIGHT_*).
// Invariant: slot 0 of every table stays empty (a zeroed register never names a capability).

import {
  CAP_BADGE,
  CAP_LINK,
  CAP_OBJECT,
  CAP_TYPE_RIGHTS,
  CAPTYPE_NULL,
  ERROR_INVALID_ARGUMENT,
  ERROR_INVALID_CAP,
  ERROR_NO_RIGHT,
  ERROR_WRONG_TYPE,
  SYSCALL_NUMBER_BITS,
  THREAD_EAX,
} from "./generated/layout";
import { capSlot } from "./task";
import { threadTask } from "./thread";

export const TYPE_MASK: u32 = 0xff;
export const RIGHTS_MASK: u32 = 0xff00;
/** Kernel object addresses are far above this; lookups return error codes below it. */
const ERROR_LIMIT: u32 = 0x100;

export function isCapError(result: u32): bool {
  return result < ERROR_LIMIT;
}

/** The slot index a system call names: eax bits 8–31 of the caller's frame. */
export function callerSlotIndex(thread: u32): u32 {
  return load<u32>(thread + THREAD_EAX) >> SYSCALL_NUMBER_BITS;
}

/** The caller's slot named in eax, checked for `type` (or any, if CAPTYPE_NULL) and `right`. */
export function callerCap(thread: u32, type: u32, right: u32): u32 {
  return lookupCap(threadTask(thread), callerSlotIndex(thread), type, right);
}

export function lookupCap(task: u32, index: u32, type: u32, right: u32): u32 {
  const slot = index == 0 ? 0 : capSlot(task, index);
  if (slot == 0 || capType(slot) == CAPTYPE_NULL) return ERROR_INVALID_CAP;
  if (type != CAPTYPE_NULL && capType(slot) != type) return ERROR_WRONG_TYPE;
  if ((capRights(slot) & right) != right) return ERROR_NO_RIGHT;
  return slot;
}

/** An empty slot to create or copy into: index 0, out-of-range or occupied → INVALID_ARGUMENT. */
export function freeSlot(task: u32, index: u32): u32 {
  const slot = index == 0 ? 0 : capSlot(task, index);
  if (slot == 0 || capType(slot) != CAPTYPE_NULL) return ERROR_INVALID_ARGUMENT;
  return slot;
}

export function installCap(slot: u32, type: u32, rights: u32, object: u32, badge: u32): void {
  store<u32>(slot + CAP_TYPE_RIGHTS, (type & TYPE_MASK) | (rights & RIGHTS_MASK));
  store<u32>(slot + CAP_OBJECT, object);
  store<u32>(slot + CAP_BADGE, badge);
  store<u32>(slot + CAP_LINK, 0);
}

/** Copies `from` into the empty slot `to` with rights reduced by `mask` and the given badge. */
export function deriveCap(from: u32, to: u32, mask: u32, badge: u32): void {
  installCap(to, capType(from), capRights(from) & mask, capObject(from), badge);
}

export function clearCap(slot: u32): void {
  installCap(slot, CAPTYPE_NULL, 0, 0, 0);
}

export function capType(slot: u32): u32 {
  return load<u32>(slot + CAP_TYPE_RIGHTS) & TYPE_MASK;
}

export function capRights(slot: u32): u32 {
  return load<u32>(slot + CAP_TYPE_RIGHTS) & RIGHTS_MASK;
}

export function capObject(slot: u32): u32 {
  return load<u32>(slot + CAP_OBJECT);
}

export function capBadge(slot: u32): u32 {
  return load<u32>(slot + CAP_BADGE);
}
