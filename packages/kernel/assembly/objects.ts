// Creating kernel objects: endpoints, tasks and threads, each returned as a capability in the
// caller's table; and the root task's initial capabilities. Layer: kernel objects (AssemblyScript).
//
// Interface (system calls; eax bits 8–31 name the capability, results in eax):
//   endpointCreate(thread)  FACTORY cap; MR0 = destination slot → ENDPOINT cap, SEND|RECEIVE|GRANT
//   taskCreate(thread)      FACTORY cap; MR0 = destination slot → TASK cap (empty address space)
//   threadCreate(thread)    TASK cap (WRITE); MR0 = destination slot for the THREAD cap,
//                           MR1 = eip, MR2 = esp, MR3 = UTCB address (512-aligned) in that task
//                           → an INACTIVE thread at the caller's priority (THREAD_CONTROL starts it)
//   installRootObjects(thread) at boot: root's first thread joins its task; slots FACTORY, TASK,
//                           THREAD of ROOT_SLOT_* are filled (README "Initial capabilities").
// Every argument is checked before anything is allocated; kernel objects are never freed when
// their last capability goes (there is no reference counting yet).

import { callerCap, capObject, freeSlot, installCap, isCapError } from "./captable";
import { createEndpoint } from "./endpoint";
import {
  CAPTYPE_ENDPOINT,
  CAPTYPE_FACTORY,
  CAPTYPE_TASK,
  CAPTYPE_THREAD,
  ERROR_INVALID_ARGUMENT,
  ERROR_NO_MEMORY,
  ERROR_OK,
  RIGHT_GRANT,
  RIGHT_READ,
  RIGHT_RECEIVE,
  RIGHT_SEND,
  RIGHT_WRITE,
  ROOT_SLOT_FACTORY,
  ROOT_SLOT_TASK,
  ROOT_SLOT_THREAD,
  TASK_STATE,
  THREAD_EBX,
  THREAD_EDI,
  THREAD_EDX,
  THREAD_ESI,
  THREAD_PRIORITY,
  UTCB_SIZE,
} from "./generated/layout";
import { attachThread } from "./lifecycle";
import { isUserAddress } from "./paging";
import { capSlot, createTask, TASK_ALIVE } from "./task";
import { createUserThread, threadTask } from "./thread";

export const ENDPOINT_RIGHTS: u32 = RIGHT_SEND | RIGHT_RECEIVE | RIGHT_GRANT;
export const OBJECT_RIGHTS: u32 = RIGHT_READ | RIGHT_WRITE | RIGHT_GRANT;

export function endpointCreate(thread: u32): u32 {
  const slot = factoryDestination(thread);
  if (isCapError(slot)) return slot;
  const endpoint = createEndpoint();
  if (endpoint == 0) return ERROR_NO_MEMORY;
  installCap(slot, CAPTYPE_ENDPOINT, ENDPOINT_RIGHTS, endpoint, 0);
  return ERROR_OK;
}

export function taskCreate(thread: u32): u32 {
  const slot = factoryDestination(thread);
  if (isCapError(slot)) return slot;
  const task = createTask();
  if (task == 0) return ERROR_NO_MEMORY;
  installCap(slot, CAPTYPE_TASK, OBJECT_RIGHTS, task, 0);
  return ERROR_OK;
}

export function threadCreate(thread: u32): u32 {
  const taskCap = callerCap(thread, CAPTYPE_TASK, RIGHT_WRITE);
  if (isCapError(taskCap)) return taskCap;
  const slot = freeSlot(threadTask(thread), load<u32>(thread + THREAD_EDX));
  if (isCapError(slot)) return slot;
  const eip = load<u32>(thread + THREAD_EBX);
  const esp = load<u32>(thread + THREAD_ESI);
  const utcb = load<u32>(thread + THREAD_EDI);
  const task = capObject(taskCap);
  if (!validThreadStart(task, eip, esp, utcb)) return ERROR_INVALID_ARGUMENT;
  const created = createUserThread(task, eip, esp, utcb, load<u32>(thread + THREAD_PRIORITY));
  if (created == 0) return ERROR_NO_MEMORY;
  attachThread(task, created);
  installCap(slot, CAPTYPE_THREAD, OBJECT_RIGHTS, created, 0);
  return ERROR_OK;
}

export function installRootObjects(thread: u32): void {
  const task = threadTask(thread);
  attachThread(task, thread);
  installCap(capSlot(task, ROOT_SLOT_FACTORY), CAPTYPE_FACTORY, OBJECT_RIGHTS, 0, 0);
  installCap(capSlot(task, ROOT_SLOT_TASK), CAPTYPE_TASK, OBJECT_RIGHTS, task, 0);
  installCap(capSlot(task, ROOT_SLOT_THREAD), CAPTYPE_THREAD, OBJECT_RIGHTS, thread, 0);
}

/** The empty slot MR0 names in the caller's table, once eax names a FACTORY capability. */
function factoryDestination(thread: u32): u32 {
  const factory = callerCap(thread, CAPTYPE_FACTORY, 0);
  return isCapError(factory) ? factory : freeSlot(threadTask(thread), load<u32>(thread + THREAD_EDX));
}

/** User addresses for code, stack and a UTCB that sits inside one page, in a live task. */
function validThreadStart(task: u32, eip: u32, esp: u32, utcb: u32): bool {
  if (load<u32>(task + TASK_STATE) != TASK_ALIVE) return false;
  if (!isUserAddress(eip) || !isUserAddress(esp) || !isUserAddress(utcb)) return false;
  return (utcb & (UTCB_SIZE - 1)) == 0;
}
