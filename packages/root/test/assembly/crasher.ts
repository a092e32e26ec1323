// Test component whose added thread goes wrong: root starts it (a valid request), the thread
// writes outside the component's memory, root refuses the fault and the kernel ends the task
// (no exception handler). Root must go on serving the other components.
import { threadEntry } from "@sawmill/kernel/assembly/user/objects";
import { debugPrint, yieldSlice } from "@sawmill/kernel/assembly/user/sys";
import { ROOT_TASK_SLOT } from "../../assembly/component-slots";
import { RootTaskClient } from "../../assembly/generated/root-task";

const OUTSIDE: u32 = 0x0100_0000; // wasm address 0x51000000: far beyond a 64-page budget

export function thread(argument: u32, b: u32, c: u32, d: u32): u32 {
  debugPrint("[crasher] thread writing outside my memory\n");
  store<u32>(OUTSIDE, argument);
  debugPrint("[crasher] the write went through\n");
  return 0;
}

export function main(a: u32, b: u32, c: u32, d: u32): u32 {
  const root = new RootTaskClient(ROOT_TASK_SLOT);
  root.bind();
  if (root.threadCreate(threadEntry(), 0, 100, 1) == 0) debugPrint("[crasher] thread started\n");
  for (;;) yieldSlice(); // the thread's fault ends the whole task, this loop with it
  return 0;
}
