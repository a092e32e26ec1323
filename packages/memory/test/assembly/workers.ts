// What the memory test's components share: their checks, and the threads they add through
// the root task (RootTask.threadCreate: a stack slot of their own, root as pager), which they
// then give their own pager and the monitor as exception handler. A thread must not return
// from thread() (that ends the task): each ends in a fault that leaves it stopped, or parks.
import { recv } from "@sawmill/kernel/assembly/user/ipc";
import { threadEntry, threadSetExceptionHandler, threadSetPager } from "@sawmill/kernel/assembly/user/objects";
import { debugExit, debugPrint } from "@sawmill/kernel/assembly/user/sys";
import { ROOT_TASK_SLOT } from "@sawmill/root/assembly/component-slots";
import { RootTaskClient } from "@sawmill/root/assembly/generated/root-task";
import { SLOT_MONITOR } from "./roles";

const USER_MEMORY: u32 = 0x5000_0000;
let root: RootTaskClient | null = null;

export function check(ok: bool, code: u32): void {
  if (ok) return;
  debugPrint("component: check failed\n");
  debugExit(code);
}

/**
 * Starts a thread of this task running thread(work) at `priority` (below the caller's, so it
 * waits until the caller blocks), paged by the endpoint in slot `pager` (0: root), its
 * exceptions to the monitor.
 */
export function startWorker(work: u32, priority: u32, pager: u32): void {
  if (root == null) {
    root = new RootTaskClient(ROOT_TASK_SLOT);
    check(root!.bind() == 0, 0x80);
  }
  check(root!.threadCreate(threadEntry(), 0, priority, work) == 0, 0x81);
  const slot = root!.result;
  if (pager != 0) check(threadSetPager(slot, pager) == 0, 0x82);
  check(threadSetExceptionHandler(slot, SLOT_MONITOR) == 0, 0x83);
}

/** Waits for good on an endpoint nobody sends to. */
export function park(slot: u32): void {
  recv(slot, 0);
  debugPrint("component: unexpected: a message on the park endpoint\n");
}

/** A wasm address for a virtual one (component code sees wasm addresses). */
export function wasm(address: u32): usize {
  return <usize>(address - USER_MEMORY);
}
