// Threads components add to their first one (RootTask.threadCreate): one per further stack
// slot, in the caller's task, paged by root. Layer: root task (AssemblyScript, ring 3).
//
// Interface: threadsInit() takes root's scratch slot; addThread(index, eip, esp, priority,
// argument) → a status (0 or a ROOT_TASK_* error); newestThreadSlot(index) → the capability
// slot of the component's newest thread in its table (THREAD_SLOT_BASE + its stack slot).
// Decode, then invoke: every argument is checked before the kernel is asked for anything; of
// the kernel steps only thread_create (out of memory) and the copy into the component's table
// (slot taken) can fail, and both come before the thread starts, so a refused request leaves
// no running thread behind. Root makes the thread in one scratch slot of its own table and
// deletes its copy once the component has one: root's table does not fill up with threads.
// Invariant: a thread runs in stack slot k ≥ 1 of component i only if k ≤ threadsOf(i), and its
// priority never exceeds the component's manifest priority.

import { componentMemoryPages, componentPriority } from "@sawmill/image/assembly/boot-manifest";
import { elfNextLoad, elfProgramHeader, PF_X, segmentFlags, segmentMemsz, segmentVaddr } from "@sawmill/image/assembly/elf";
import { ADDRESS_USER_MEMORY, RIGHT_READ, RIGHT_WRITE } from "@sawmill/kernel/assembly/generated/layout";
import { MAX_THREADS, THREAD_SLOT_BASE } from "./component-slots";
import { componentOf, elfOf, pagerOf, setThreads, taskOf, threadsOf } from "./components";
import {
  ROOT_TASK_BAD_ADDRESS,
  ROOT_TASK_BAD_PRIORITY,
  ROOT_TASK_NO_MEMORY,
  ROOT_TASK_SLOT_TAKEN,
  ROOT_TASK_TOO_MANY_THREADS,
} from "./generated/root-task";
import { createThread, deleteCap, mintInto, setThreadArgument, startThread } from "./kernel";
import { PAGE_SIZE, utcbPage } from "./layout";
import { takeSlot } from "./slots";

const THREAD_RIGHTS: u32 = RIGHT_READ | RIGHT_WRITE;

let scratch: u32 = 0;

export function threadsInit(): void {
  scratch = takeSlot();
}

export function addThread(index: u32, eip: u32, esp: u32, priority: u32, argument: u32): u32 {
  const component = componentOf(index);
  const k = threadsOf(index) + 1;
  if (priority > componentPriority(component)) return ROOT_TASK_BAD_PRIORITY;
  if (!executable(elfOf(index), eip)) return ROOT_TASK_BAD_ADDRESS;
  if (esp != 0 && !inMemoryRange(componentMemoryPages(component), esp)) return ROOT_TASK_BAD_ADDRESS;
  if (k > MAX_THREADS) return ROOT_TASK_TOO_MANY_THREADS;
  return makeThread(index, k, eip, esp == 0 ? utcbPage(k) : esp, priority, argument);
}

/** The kernel steps, in an order that leaves nothing running when one fails. */
function makeThread(index: u32, k: u32, eip: u32, esp: u32, priority: u32, argument: u32): u32 {
  const task = taskOf(index);
  if (scratch == 0 || createThread(task, scratch, eip, esp, utcbPage(k)) != 0) return ROOT_TASK_NO_MEMORY;
  const slot = THREAD_SLOT_BASE + k;
  if (mintInto(scratch, task, slot, 0, THREAD_RIGHTS) != 0) {
    deleteCap(scratch);
    return ROOT_TASK_SLOT_TAKEN;
  }
  setThreads(index, k); // before it starts: its first fault (slot k's stack or UTCB) must be served
  setThreadArgument(scratch, argument);
  startThread(scratch, priority, pagerOf(index));
  deleteCap(scratch);
  return 0;
}

export function newestThreadSlot(index: u32): u32 {
  return THREAD_SLOT_BASE + threadsOf(index);
}

/** `eip` lies in a PT_LOAD segment of the ELF with the execute flag. */
function executable(elf: usize, eip: u32): bool {
  for (let i = elfNextLoad(elf, 0); i >= 0; i = elfNextLoad(elf, i + 1)) {
    const header = elfProgramHeader(elf, <u32>i);
    const start = segmentVaddr(header);
    const inside = eip >= start && <u64>eip < <u64>start + segmentMemsz(header);
    if (inside && (segmentFlags(header) & PF_X) != 0) return true;
  }
  return false;
}

/** A stack pointer in (USER_MEMORY, USER_MEMORY + pages·PAGE_SIZE]: it grows down into the range. */
function inMemoryRange(pages: u32, esp: u32): bool {
  return esp > ADDRESS_USER_MEMORY && esp - ADDRESS_USER_MEMORY <= pages * PAGE_SIZE;
}
