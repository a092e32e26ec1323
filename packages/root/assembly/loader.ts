// Component loading: one manifest component becomes a task with its grants and a running
// first thread. Layer: root task (AssemblyScript, ring 3).
//
// Interface: startComponent(archive, manifest, index, pager) → whether it runs; on success it
// prints "[root] started <name>: task N, P pages budget, G grants". `pager` is root's slot of
// its pager endpoint (send and receive rights).
// Order for each component: budget recorded, task created, grants copied into its table
// (grants.ts), a pager capability minted with badge index + 1 (root's endpoint: the pager and
// RootTask, services.ts) and a copy of it, SEND only, into the component's ROOT_TASK_SLOT, the
// first thread created at the ELF entry with its stack in slot 0 (UTCB page 0xBFFFF000, stack
// top just below it), given the manifest's priority and the pager, then started. Its pages
// arrive later, fault by fault (pager.ts): loading maps nothing.

import {
  componentMemoryPages,
  componentName,
  componentPriority,
  manifestComponent,
} from "@sawmill/image/assembly/boot-manifest";
import { elfEntry } from "@sawmill/image/assembly/elf";
import { RIGHT_SEND } from "@sawmill/kernel/assembly/generated/layout";
import { print, printDec, printName } from "./console";
import { ROOT_TASK_SLOT } from "./component-slots";
import { adopt, adoptTask } from "./components";
import { grantAll } from "./grants";
import { createTask, createThread, mintHere, mintInto, startThread } from "./kernel";
import { UTCB } from "./layout";
import { componentElf } from "./manifest";
import { setBudget } from "./memory";
import { takeSlot } from "./slots";

// Root is the kernel's task 1 and creates every other task, so the kernel numbers them in the
// order of root's successful TASK_CREATEs: the number the kernel's own messages use.
let tasksCreated: u32 = 0;

export function startComponent(archive: usize, manifest: usize, index: u32, pager: u32): bool {
  const component = manifestComponent(manifest, index);
  const elf = componentElf(archive, component);
  setBudget(index, componentMemoryPages(component));
  adopt(index, elf);
  const task = takeSlot();
  if (!step(component, "creating its task", task == 0 ? 1 : createTask(task))) return false;
  tasksCreated++;
  const grants = grantAll(manifest, index, task);
  if (grants < 0) return step(component, "granting its resources", 1);
  const faults = takeSlot();
  if (!step(component, "minting its pager capability", faults == 0 ? 1 : mintHere(pager, faults, index + 1, RIGHT_SEND))) {
    return false;
  }
  adoptTask(index, task, faults);
  if (!step(component, "granting it root's interface", mintInto(faults, task, ROOT_TASK_SLOT, 0, RIGHT_SEND))) return false;
  const thread = takeSlot();
  if (!step(component, "creating its thread", thread == 0 ? 1 : createThread(task, thread, elfEntry(elf), UTCB, UTCB))) {
    return false;
  }
  if (!step(component, "starting its thread", startThread(thread, componentPriority(component), faults))) return false;
  summarize(component, tasksCreated + 1, <u32>grants);
  return true;
}

function step(component: usize, what: string, error: u32): bool {
  if (error == 0) return true;
  print("[root] ");
  printName(componentName(component));
  print(": ");
  print(what);
  print(" failed with error ");
  printDec(error);
  print("; not started\n");
  return false;
}

function summarize(component: usize, task: u32, grants: u32): void {
  print("[root] started ");
  printName(componentName(component));
  print(": task ");
  printDec(task);
  print(", ");
  printDec(componentMemoryPages(component));
  print(" pages budget, ");
  printDec(grants);
  print(" grants\n");
}
