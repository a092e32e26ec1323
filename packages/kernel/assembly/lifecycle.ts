// Ending threads and tasks. Layer: kernel objects (AssemblyScript).
//
// Interface: attachThread(task, thread) links a new thread into its task; killTask(task) stops
// every thread of the task (they never run again) and marks it dead. Kernel state a task's
// threads took part in (IPC queues) is left by `leaveKernelObjects` before the thread dies.
// Invariant: a dead task's threads are not in any ready ring.

import { STATE_DEAD, TASK_STATE, TASK_THREADS, THREAD_SIBLING } from "./generated/layout";
import { makeBlocked } from "./scheduler";
import { TASK_DEAD } from "./task";

export function attachThread(task: u32, thread: u32): void {
  store<u32>(thread + THREAD_SIBLING, load<u32>(task + TASK_THREADS));
  store<u32>(task + TASK_THREADS, thread);
}

export function killTask(task: u32): void {
  store<u32>(task + TASK_STATE, TASK_DEAD);
  for (let thread = load<u32>(task + TASK_THREADS); thread != 0; thread = load<u32>(thread + THREAD_SIBLING)) {
    makeBlocked(thread, STATE_DEAD);
  }
}
