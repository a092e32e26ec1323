// Starting the root task: the one task the kernel creates by itself.
// Layer: kernel boot (AssemblyScript).
//
// The boot archive's entry "root" is the root task's ELF; its segments are copied into frames
// of root's own memory, and the first ROOT_MEMORY_PAGES of its wasm memory get fresh frames.
// Root owns every physical page the kernel does not use: the rest appear in its window at
// ROOT_WINDOW + physical address (the archive read-only, the rest read-write). These mappings
// are the roots of the mapping database (mapdb.ts): a page gets its node the first time root
// maps it on, so unmapping from the window revokes everything. Root's first thread starts at
// the ELF entry with
//   eax = archive (window address), ebx = archive size,
//   ecx = first free physical page, edx = end of physical memory,
// its stack and UTCB in stack slot 0, priority ROOT_PRIORITY.

import { archiveEntryAddress, archiveEntrySize, archiveFind } from "@sawmill/image/assembly/boot-archive";
import {
  elfEntry,
  elfNextLoad,
  elfProgramHeader,
  elfValid,
  PF_W,
  segmentFilesz,
  segmentFlags,
  segmentMemsz,
  segmentOffset,
  segmentVaddr,
} from "@sawmill/image/assembly/elf";
import { PAGE_SIZE } from "./frames";
import {
  ADDRESS_ROOT_WINDOW,
  ADDRESS_STACKS_TOP,
  ADDRESS_USER_MEMORY,
  THREAD_EAX,
  THREAD_EBX,
  THREAD_ECX,
  THREAD_EDX,
  UTCB_SELF,
} from "./generated/layout";
import { frameOf, isUserAddress, lookupPage, mapPage } from "./paging";
import { panic } from "./panic";
import { makeReady } from "./scheduler";
import { createTask, directoryOf } from "./task";
import { createUserThread } from "./thread";

export const ROOT_PRIORITY: u32 = 100;
export const ROOT_MEMORY_PAGES: u32 = 256;
const ROOT_STACK_PAGES: u32 = 15;

/** Hands out root's own frames from the bottom of the memory it will own. */
let nextFree: u32 = 0;
let memoryEnd: u32 = 0;

export function startRoot(archive: u32, archiveSize: u32, firstFree: u32, ramTop: u32): u32 {
  nextFree = firstFree;
  memoryEnd = ramTop;
  const index = archiveFind(archive, "root");
  if (index < 0) panic("no root task in the boot archive at", archive);
  const elf = <u32>archiveEntryAddress(archive, index);
  if (!elfValid(elf, archiveEntrySize(archive, index))) panic("root task is not an i386 ELF at", elf);
  const task = createTask();
  if (task == 0) panic("out of kernel memory creating the root task", 0);
  const directory = directoryOf(task);
  loadSegments(directory, elf);
  mapFreshWhereUnmapped(directory, ADDRESS_USER_MEMORY, ROOT_MEMORY_PAGES);
  const utcb = ADDRESS_STACKS_TOP - PAGE_SIZE;
  mapFresh(directory, utcb - ROOT_STACK_PAGES * PAGE_SIZE, ROOT_STACK_PAGES + 1);
  mapWindow(directory, archive, archive + archiveSize, false);
  mapWindow(directory, nextFree, memoryEnd, true);
  const thread = createUserThread(task, elfEntry(elf), utcb, utcb, ROOT_PRIORITY);
  if (thread == 0) panic("out of kernel memory creating the root thread", 0);
  store<u32>(frameOfUser(directory, utcb) + UTCB_SELF, utcb - ADDRESS_USER_MEMORY);
  store<u32>(thread + THREAD_EAX, ADDRESS_ROOT_WINDOW + archive);
  store<u32>(thread + THREAD_EBX, archiveSize);
  store<u32>(thread + THREAD_ECX, nextFree);
  store<u32>(thread + THREAD_EDX, memoryEnd);
  makeReady(thread);
  return thread;
}

/** Copies each PT_LOAD segment into frames of root's memory, page by page. */
function loadSegments(directory: u32, elf: u32): void {
  for (let index = elfNextLoad(elf, 0); index >= 0; index = elfNextLoad(elf, index + 1)) {
    const header = elfProgramHeader(elf, <u32>index);
    const start = segmentVaddr(header);
    const end = start + segmentMemsz(header);
    if (!isUserAddress(start) || end < start) panic("root segment at a bad address", start);
    const writable = (segmentFlags(header) & PF_W) != 0;
    const source = elf + segmentOffset(header);
    const fileEnd = start + segmentFilesz(header);
    for (let page = start & ~(PAGE_SIZE - 1); page < end; page += PAGE_SIZE) {
      const frame = pageFrame(directory, page, writable);
      const from = max(page, start);
      const to = min(page + PAGE_SIZE, fileEnd);
      if (from < to) memory.copy(frame + (from - page), source + (from - start), to - from);
    }
  }
}

/** The frame mapped at `page`, mapping a fresh one if there is none. */
function pageFrame(directory: u32, page: u32, writable: bool): u32 {
  const entry = lookupPage(directory, page);
  if (entry != 0) return frameOf(entry);
  const frame = takeFrame();
  mapOrPanic(directory, page, frame, writable);
  return frame;
}

/** Maps `pages` fresh zeroed frames from root's memory at `virtual`. */
function mapFresh(directory: u32, virtual: u32, pages: u32): void {
  for (let i: u32 = 0; i < pages; i++) mapOrPanic(directory, virtual + i * PAGE_SIZE, takeFrame(), true);
}

/** Like mapFresh, but keeps pages a segment already occupies (root's static data). */
function mapFreshWhereUnmapped(directory: u32, virtual: u32, pages: u32): void {
  for (let i: u32 = 0; i < pages; i++) pageFrame(directory, virtual + i * PAGE_SIZE, true);
}

/** Maps physical [start, end) at ROOT_WINDOW + physical. */
function mapWindow(directory: u32, start: u32, end: u32, writable: bool): void {
  for (let page = start & ~(PAGE_SIZE - 1); page < end; page += PAGE_SIZE) {
    mapOrPanic(directory, ADDRESS_ROOT_WINDOW + page, page, writable);
  }
}

function takeFrame(): u32 {
  if (nextFree >= memoryEnd) panic("no memory left for the root task", nextFree);
  const frame = nextFree;
  nextFree += PAGE_SIZE;
  memory.fill(frame, 0, PAGE_SIZE);
  return frame;
}

function mapOrPanic(directory: u32, virtual: u32, frame: u32, writable: bool): void {
  if (!mapPage(directory, virtual, frame, writable)) panic("out of kernel memory for root's page tables", virtual);
}

function frameOfUser(directory: u32, virtual: u32): u32 {
  return frameOf(lookupPage(directory, virtual));
}
