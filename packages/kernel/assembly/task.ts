// Tasks: an address space (page directory) and a capability table, in one kernel frame.
// Layer: kernel objects (AssemblyScript).
//
// Interface: createTask() → task or 0 (out of memory); capSlot(task, index) → slot address or 0
// when out of range. Layout of the frame: struct Task at 0, the capability table at
// CAP_TABLE_OFFSET (CAP_SLOTS slots of CAP_SIZE bytes). Invariant: a task's threads all run on
// its directory; slot 0 is always empty (so a zeroed register never names a capability).

import { allocFrame, freeFrame, PAGE_SIZE } from "./frames";
import {
  CAP_SIZE,
  TASK_CAP_COUNT,
  TASK_CAPS,
  TASK_ID,
  TASK_PAGE_DIRECTORY,
  TASK_STATE,
} from "./generated/layout";
import { newDirectory } from "./paging";

export const CAP_TABLE_OFFSET: u32 = 256;
export const CAP_SLOTS: u32 = (PAGE_SIZE - CAP_TABLE_OFFSET) / CAP_SIZE;
export const TASK_ALIVE: u32 = 1;
export const TASK_DEAD: u32 = 2;

let nextTaskId: u32 = 1;

export function createTask(): u32 {
  const task = allocFrame();
  if (task == 0) return 0;
  const directory = newDirectory();
  if (directory == 0) {
    freeFrame(task);
    return 0;
  }
  store<u32>(task + TASK_PAGE_DIRECTORY, directory);
  store<u32>(task + TASK_CAPS, task + CAP_TABLE_OFFSET);
  store<u32>(task + TASK_CAP_COUNT, CAP_SLOTS);
  store<u32>(task + TASK_ID, nextTaskId++);
  store<u32>(task + TASK_STATE, TASK_ALIVE);
  return task;
}

export function capSlot(task: u32, index: u32): u32 {
  if (index >= load<u32>(task + TASK_CAP_COUNT)) return 0;
  return load<u32>(task + TASK_CAPS) + index * CAP_SIZE;
}

export function taskId(task: u32): u32 {
  return load<u32>(task + TASK_ID);
}

export function directoryOf(task: u32): u32 {
  return load<u32>(task + TASK_PAGE_DIRECTORY);
}
