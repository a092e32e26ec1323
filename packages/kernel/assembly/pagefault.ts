// Page faults as IPC: a user page fault becomes a call to the faulting thread's pager.
// Layer: kernel memory (AssemblyScript), between exceptions.ts and the IPC slow path.
//
// A ring-3 page fault at a user address (≥ USER_BASE) of a thread with a pager is sent to the
// pager as a call on the thread's behalf (ipc.ts callPager): label PAGE_FAULT, MR0 = fault
// address, MR1 = eip, MR2 = FaultError bits (present, write, user). While it waits, the
// thread's FAULT field holds the address, which makes the faulting page its receive window
// (map-items.ts receiveWindow) and keeps its registers untouched by the reply. The pager
// answers with reply_recv and one map or grant item; when the reply has made the faulting
// access possible the thread retries the instruction, otherwise the fault goes to the
// exception path (exceptions.ts raiseException) — as do faults without a pager and faults on
// kernel addresses.
//
// Interface: pageFault(thread, address) → true if the fault went to a pager, false if the
// caller must raise it (neither schedules); resumeFaulter(thread, address) after the pager's
// reply has been transferred and the reply wait ended (the IPC reply path calls it for a caller
// whose THREAD_FAULT was set, with that address).

import { raiseException } from "./exceptions";
import {
  FAULT_PRESENT,
  FAULT_USER,
  FAULT_WRITE,
  THREAD_EIP,
  THREAD_ERROR,
  VECTOR_PAGE_FAULT,
} from "./generated/layout";
import { callPager } from "./ipc";
import { isUserAddress, lookupPage, PTE_PRESENT, PTE_USER, PTE_WRITABLE } from "./paging";
import { makeReady } from "./scheduler";
import { directoryOf } from "./task";
import { threadTask } from "./thread";

const ERROR_BITS: u32 = FAULT_PRESENT | FAULT_WRITE | FAULT_USER;

export function pageFault(thread: u32, address: u32): bool {
  if (!isUserAddress(address)) return false;
  const error = load<u32>(thread + THREAD_ERROR) & ERROR_BITS;
  return callPager(thread, address, load<u32>(thread + THREAD_EIP), error);
}

/** The pager has replied: retry the instruction if it can now succeed, else raise the fault. */
export function resumeFaulter(thread: u32, address: u32): void {
  if (faultResolved(thread, address)) makeReady(thread);
  else raiseException(thread, VECTOR_PAGE_FAULT, address);
}

/** Whether `thread`'s task now maps `address` for the access that faulted. */
function faultResolved(thread: u32, address: u32): bool {
  const entry = lookupPage(directoryOf(threadTask(thread)), address);
  const write = (load<u32>(thread + THREAD_ERROR) & FAULT_WRITE) != 0;
  const need = write ? PTE_PRESENT | PTE_USER | PTE_WRITABLE : PTE_PRESENT | PTE_USER;
  return (entry & need) == need;
}
