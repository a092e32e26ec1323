// The pager of last resort: page faults of every component, resolved from root's memory.
// Layer: root task (AssemblyScript, ring 3).
//
// Protocol: RootTask.pageFault (idl/root.idl.ts: the kernel's Pager.pageFault, label
// PAGE_FAULT), which the kernel calls on a faulting thread's behalf through the thread's pager
// capability — root's endpoint minted with
// badge = component index + 1, so the badge says whose fault it is and cannot be forged. The
// answer is one fresh frame mapped at the faulting page, or none (the kernel sends the thread to
// its exception handler or ends the task):
//   - in a PT_LOAD segment of the component's ELF → a frame filled from the ELF bytes in the
//     archive (every segment touching that page), read-only unless a segment there is writable;
//   - in the stack of a slot the component uses — slot 0 (its first thread) or a slot of a
//     thread it added (threads.ts) — the UTCB page (slot k: 0xBFFFF000 − k·0x10000) or the
//     `stackPages` pages below it (1–15, as the manifest check ensures) → a zeroed frame; a
//     UTCB page gets its self word (UTCB address − USER_MEMORY) first;
//   - in the wasm memory, USER_MEMORY up to the manifest's memory pages → a zeroed frame;
//   - a protection fault (the page is present: a write to a read-only page), anywhere else, or
//     when the component's budget is spent → no mapping, and root says why on the console.
// Interface: resolveFault(index, address, access) → the flexpage (in root's space) to map at the
// faulting page, or 0 after printing why there is none.

import { componentMemoryPages, componentName, componentStackPages } from "@sawmill/image/assembly/boot-manifest";
import { elfFillPage, elfTouchesPage } from "@sawmill/image/assembly/elf";
import { ADDRESS_USER_MEMORY, FAULT_PRESENT } from "@sawmill/kernel/assembly/generated/layout";
import { componentOf, elfOf, threadsOf } from "./components";
import { print, printHex, printName } from "./console";
import { fpage } from "./kernel";
import { isUtcbPage, PAGE_SIZE, STACK_SLOTS, stackSlotOf, utcbPage } from "./layout";
import { takePage, windowAddress, withinBudget } from "./memory";

export function resolveFault(index: u32, address: u32, access: u32): u32 {
  const component = componentOf(index);
  const elf = elfOf(index);
  const page = address & ~(PAGE_SIZE - 1);
  if ((access & FAULT_PRESENT) != 0) return refuse(component, address, " violates the page's rights");
  const inImage = elfTouchesPage(elf, page);
  if (!inImage && !inStack(index, page) && !inMemory(component, page)) {
    return refuse(component, address, " is outside its memory");
  }
  if (!withinBudget(index)) return refuse(component, address, " is over its memory budget");
  const frame = takePage(index);
  if (frame == 0) return refuse(component, address, ": root has no free memory left");
  if (inImage) return fpage(frame, elfFillPage(elf, page, windowAddress(frame)));
  if (isUtcbPage(page)) store<u32>(windowAddress(frame), page - ADDRESS_USER_MEMORY);
  return fpage(frame, true);
}

/** In the UTCB page or the stack pages of a slot one of the component's threads has. */
function inStack(index: u32, page: u32): bool {
  const k = stackSlotOf(page);
  if (k == STACK_SLOTS || k > threadsOf(index)) return false;
  return page >= utcbPage(k) - componentStackPages(componentOf(index)) * PAGE_SIZE;
}

function inMemory(component: usize, page: u32): bool {
  return page >= ADDRESS_USER_MEMORY && page - ADDRESS_USER_MEMORY < componentMemoryPages(component) * PAGE_SIZE;
}

function refuse(component: usize, address: u32, why: string): u32 {
  print("[root] ");
  printName(componentName(component));
  print(": page fault at ");
  printHex(address);
  print(why);
  print("; not mapped\n");
  return 0;
}
