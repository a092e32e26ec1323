// The UNMAP system call: revoke what was derived from the caller's mappings.
// Layer: kernel memory (AssemblyScript), called by the system-call dispatcher.
//
// Interface: sysUnmap(thread) → error code. MR0 (edx) = a flexpage in the caller's task, MR1
// (ebx) bit 0 = UNMAP_SELF. Every mapping derived from the caller's mappings in the flexpage is
// removed from every address space, recursively; with UNMAP_SELF the caller's own mappings go
// too. Decode (flexpage valid) then invoke (cannot fail). The kernel half is never touched.

import { ERROR_INVALID_ARGUMENT, ERROR_OK, THREAD_EBX, THREAD_EDX, UNMAP_SELF } from "./generated/layout";
import { fpageBase, fpageSize, fpageValid } from "./fpage";
import { nodeAt, removeDerived, removeTree } from "./mapdb";
import { directoryOf } from "./task";
import { threadTask } from "./thread";
import { pagesToSkip, unmapPage } from "./paging";

export function sysUnmap(thread: u32): u32 {
  const fpage = load<u32>(thread + THREAD_EDX);
  const flags = load<u32>(thread + THREAD_EBX);
  if (!fpageValid(fpage)) return ERROR_INVALID_ARGUMENT;
  const size = fpageSize(fpage);
  if (size != 0) unmapRange(threadTask(thread), fpageBase(fpage), size, (flags & UNMAP_SELF) != 0);
  return ERROR_OK;
}

/** Revokes in the 2^size bytes at `base` of `task`. */
export function unmapRange(task: u32, base: u32, size: u32, self: bool): void {
  const pages: u64 = ((<u64>1) << size) >> 12;
  for (let i: u64 = 0; i < pages; i++) {
    const page = base + <u32>(i << 12);
    const skip = pagesToSkip(directoryOf(task), page);
    if (skip == 0) unmapOne(task, page, self);
    else i += skip - 1;
  }
}

function unmapOne(task: u32, page: u32, self: bool): void {
  const node = nodeAt(task, page);
  if (node != 0) {
    if (self) removeTree(node);
    else removeDerived(node);
  } else if (self) {
    unmapPage(directoryOf(task), page); // a mapping the kernel made, never passed on
  }
}
