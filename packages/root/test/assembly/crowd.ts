// Test component that adds threads beyond what its page budget can hold: root starts each one
// (starting costs no page), but their stacks and UTCBs are charged to the component as they
// fault in, so one of them is refused and the kernel ends the task.
import { threadEntry } from "@sawmill/kernel/assembly/user/objects";
import { debugPrint, yieldSlice } from "@sawmill/kernel/assembly/user/sys";
import { MAX_THREADS, ROOT_TASK_SLOT } from "../../assembly/component-slots";
import { printDec } from "../../assembly/console";
import { RootTaskClient } from "../../assembly/generated/root-task";

export function thread(argument: u32, b: u32, c: u32, d: u32): u32 {
  debugPrint("[crowd] thread ");
  printDec(argument);
  debugPrint(" runs\n");
  for (;;) yieldSlice();
  return 0;
}

export function main(a: u32, b: u32, c: u32, d: u32): u32 {
  const root = new RootTaskClient(ROOT_TASK_SLOT);
  root.bind();
  let started: u32 = 0;
  for (let i: u32 = 1; i <= MAX_THREADS; i++) {
    if (root.threadCreate(threadEntry(), 0, 100, i) == 0) started++;
  }
  debugPrint("[crowd] threads started: ");
  printDec(started);
  debugPrint("\n");
  for (;;) yieldSlice();
  return 0;
}
