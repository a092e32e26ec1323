// Ending threads and tasks. Layer: kernel objects (AssemblyScript).
//
// Interface: attachThread(task, thread) links a new thread into its task; killTask(task) stops
// every thread of the task (they never run again) and marks it dead. Before a thread dies it
// leaves every IPC relation (ipc.ts forgetIpc): endpoint queues, the timeout list, the reply it
// waits for; threads waiting for its reply get ABORTED. The task's mappings, and every mapping
// other tasks derived from them, are removed (mapdb.ts removeTaskMappings), and its I/O-port
// bitmap freed (ioports.ts releaseIoMap).
// Invariant: a dead task's threads are not in any ready ring or endpoint queue.

import { STATE_DEAD, TASK_STATE, TASK_THREADS, THREAD_SIBLING } from "./generated/layout";
import { releaseIoMap } from "./ioports";
import { forgetIpc } from "./ipc";
import { removeTaskMappings } from "./mapdb";
import { makeBlocked } from "./scheduler";
import { TASK_DEAD } from "./task";

export function attachThread(task: u32, thread: u32): void {
  store<u32>(thread + THREAD_SIBLING, load<u32>(task + TASK_THREADS));
  store<u32>(task + TASK_THREADS, thread);
}

export function killTask(task: u32): void {
  if (load<u32>(task + TASK_STATE) == TASK_DEAD) return;
  store<u32>(task + TASK_STATE, TASK_DEAD);
  for (let thread = load<u32>(task + TASK_THREADS); thread != 0; thread = load<u32>(thread + THREAD_SIBLING)) {
    forgetIpc(thread);
    makeBlocked(thread, STATE_DEAD);
  }
  removeTaskMappings(task);
  releaseIoMap(task);
}
