// Reading a thread's UTCB from the kernel, whichever address space is current.
// Layer: kernel memory (AssemblyScript).
//
// Interface: utcbKernelAddress(thread, writable) → the kernel address of the thread's UTCB
// (through its task's page tables; physical memory is identity-mapped), 0 if the UTCB page is
// not mapped user-accessible (and writable, when the kernel is to write into it: it must never
// write through a read-only mapping); readUserWord(thread, offset) → the UTCB word at `offset`
// (0 when unmapped).
// Invariant: a UTCB (512 bytes, 512-aligned) never straddles a page, so one lookup covers it.

import { PAGE_SIZE } from "./frames";
import { THREAD_UTCB } from "./generated/layout";
import { frameOf, lookupPage, PTE_PRESENT, PTE_USER, PTE_WRITABLE } from "./paging";
import { directoryOf } from "./task";
import { threadTask } from "./thread";

export function utcbKernelAddress(thread: u32, writable: bool = false): u32 {
  const utcb = load<u32>(thread + THREAD_UTCB);
  const entry = lookupPage(directoryOf(threadTask(thread)), utcb);
  const need = writable ? PTE_PRESENT | PTE_USER | PTE_WRITABLE : PTE_PRESENT | PTE_USER;
  if ((entry & need) != need) return 0;
  return frameOf(entry) + (utcb & (PAGE_SIZE - 1));
}

export function readUserWord(thread: u32, offset: u32): u32 {
  const utcb = utcbKernelAddress(thread);
  return utcb == 0 ? 0 : load<u32>(utcb + offset);
}
