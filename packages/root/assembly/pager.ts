// The pager of last resort: page faults of every component, resolved from root's memory.
// Layer: root task (AssemblyScript, ring 3).
//
// Protocol (the kernel's PAGE_FAULT message, see the kernel README "Page faults"): a faulting
// thread's pager capability is root's pager endpoint minted with badge = component index + 1,
// so the badge says whose fault it is and cannot be forged. MR0 = fault address, MR1 = eip,
// MR2 = FaultError bits. Root answers with one MAP item of a single page, or with an empty
// reply (no mapping: the kernel sends the thread to its exception handler or ends it):
//   - in a PT_LOAD segment of the component's ELF → a fresh frame filled from the ELF bytes in
//     the archive (every segment touching that page), read-only unless a segment there is
//     writable;
//   - in the stack of slot 0 (the UTCB page 0xBFFFF000 and the `stackPages` below it, 1–15 as
//     the manifest check ensures) → a fresh zeroed frame; the UTCB page gets its self word
//     (UTCB address − USER_MEMORY) first;
//   - in the wasm memory, USER_MEMORY up to the manifest's memory pages → a fresh zeroed frame;
//   - a protection fault (the page is present: a write to a read-only page), anywhere else, or
//     when the component's budget is spent → no mapping.
// Interface: pagerInit(manifest); adopt(index, elf) registers a component before it starts;
// servePageFaults(slot) serves the pager endpoint in root's `slot` and never returns.

import {
  componentMemoryPages,
  componentName,
  componentStackPages,
  manifestComponent,
} from "@sawmill/image/assembly/boot-manifest";
import {
  elfNextLoad,
  elfProgramHeader,
  PF_W,
  segmentFlags,
  segmentFilesz,
  segmentMemsz,
  segmentOffset,
  segmentVaddr,
} from "@sawmill/image/assembly/elf";
import {
  ADDRESS_STACKS_TOP,
  ADDRESS_USER_MEMORY,
  FAULT_PRESENT,
  LABEL_PAGE_FAULT,
} from "@sawmill/kernel/assembly/generated/layout";
import { print, printHex, printName } from "./console";
import {
  faultAddress,
  faultBadge,
  faultBits,
  faultLabel,
  fpage,
  replyMapAndWait,
  replyNothingAndWait,
  waitForFault,
} from "./kernel";
import { MAX_COMPONENTS, PAGE_SIZE, UTCB } from "./layout";
import { takePage, windowAddress, withinBudget } from "./memory";


const elfs = memory.data(MAX_COMPONENTS * 4);
let manifest: usize = 0;
let adopted: u32 = 0;

export function pagerInit(bootManifest: usize): void {
  manifest = bootManifest;
}

export function adopt(index: u32, elf: usize): void {
  store<u32>(elfs + index * 4, <u32>elf);
  if (index >= adopted) adopted = index + 1;
}

export function servePageFaults(pagerSlot: u32): void {
  waitForFault(pagerSlot);
  for (;;) {
    const address = faultAddress();
    const page = address & ~(PAGE_SIZE - 1);
    const index = faultBadge() - 1;
    const mapping = faultLabel() == LABEL_PAGE_FAULT && index < adopted ? resolve(index, page, address) : 0;
    if (mapping != 0) replyMapAndWait(page, mapping);
    else replyNothingAndWait();
  }
}

/** The flexpage (in root's space) that resolves the fault, or 0 after saying why there is none. */
function resolve(index: u32, page: u32, address: u32): u32 {
  const component = manifestComponent(manifest, index);
  const elf = <usize>load<u32>(elfs + index * 4);
  if ((faultBits() & FAULT_PRESENT) != 0) return refuse(component, address, " violates the page's rights");
  const inImage = touchesSegment(elf, page);
  if (!inImage && !inStack(component, page) && !inMemory(component, page)) {
    return refuse(component, address, " is outside its memory");
  }
  if (!withinBudget(index)) return refuse(component, address, " is over its memory budget");
  const frame = takePage(index);
  if (frame == 0) return refuse(component, address, ": root has no free memory left");
  if (inImage) return fpage(frame, fillFromElf(elf, page, windowAddress(frame)));
  if (page == UTCB) store<u32>(windowAddress(frame), UTCB - ADDRESS_USER_MEMORY);
  return fpage(frame, true);
}

function inStack(component: usize, page: u32): bool {
  const pages = componentStackPages(component);
  return page >= UTCB - pages * PAGE_SIZE && page < ADDRESS_STACKS_TOP;
}

function inMemory(component: usize, page: u32): bool {
  return page >= ADDRESS_USER_MEMORY && page - ADDRESS_USER_MEMORY < componentMemoryPages(component) * PAGE_SIZE;
}

function touchesSegment(elf: usize, page: u32): bool {
  for (let i = elfNextLoad(elf, 0); i >= 0; i = elfNextLoad(elf, i + 1)) {
    if (overlaps(elfProgramHeader(elf, <u32>i), page)) return true;
  }
  return false;
}

function overlaps(header: usize, page: u32): bool {
  const start = segmentVaddr(header);
  return <u64>page + PAGE_SIZE > <u64>start && <u64>page < <u64>start + segmentMemsz(header);
}

/** Copies the file bytes of every segment on `page` into `to`; whether any of them is writable. */
function fillFromElf(elf: usize, page: u32, to: usize): bool {
  let writable = false;
  for (let i = elfNextLoad(elf, 0); i >= 0; i = elfNextLoad(elf, i + 1)) {
    const header = elfProgramHeader(elf, <u32>i);
    if (!overlaps(header, page)) continue;
    const start = segmentVaddr(header);
    const from = max(page, start);
    const end = min(<u64>page + PAGE_SIZE, <u64>start + segmentFilesz(header));
    if (<u64>from < end) memory.copy(to + (from - page), elf + segmentOffset(header) + (from - start), <u32>end - from);
    writable = writable || (segmentFlags(header) & PF_W) != 0;
  }
  return writable;
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
