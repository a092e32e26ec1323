// What root knows of each component it started, by manifest index: its manifest entry, its ELF
// in the boot archive, root's slots of its task and of its badged pager capability, and how
// many stack slots its threads use. Layer: root task (AssemblyScript, ring 3).
//
// Interface: componentsInit(manifest); adopt(index, elf) before the component starts (its pages
// may be asked for from then on); adoptTask(index, task, pager) once its task exists;
// isAdopted(index) — whether a badge's index names a component; componentOf(index) (its
// manifest entry), elfOf, taskOf, pagerOf; threadsOf(index) / setThreads(index, k): stack
// slots 1 … k beyond slot 0 hold its further threads.
// Invariant: written only by root's one thread, so no locking; an index is adopted at most once.

import { manifestComponent } from "@sawmill/image/assembly/boot-manifest";
import { MAX_COMPONENTS } from "./layout";

const ENTRY_SIZE: u32 = 16;
const ELF: u32 = 0;
const TASK: u32 = 4;
const PAGER: u32 = 8;
const THREADS: u32 = 12;

const table = memory.data(MAX_COMPONENTS * ENTRY_SIZE);
let manifest: usize = 0;
let adopted: u32 = 0;

export function componentsInit(bootManifest: usize): void {
  manifest = bootManifest;
}

export function adopt(index: u32, elf: usize): void {
  store<u32>(entry(index) + ELF, <u32>elf);
  if (index >= adopted) adopted = index + 1;
}

export function adoptTask(index: u32, task: u32, pager: u32): void {
  store<u32>(entry(index) + TASK, task);
  store<u32>(entry(index) + PAGER, pager);
}

export function isAdopted(index: u32): bool {
  return index < adopted;
}

/** The component's entry in the boot manifest. */
export function componentOf(index: u32): usize {
  return manifestComponent(manifest, index);
}

export function elfOf(index: u32): usize {
  return <usize>load<u32>(entry(index) + ELF);
}

/** Root's slot of the component's TASK capability. */
export function taskOf(index: u32): u32 {
  return load<u32>(entry(index) + TASK);
}

/** Root's slot of the pager capability badged for the component. */
export function pagerOf(index: u32): u32 {
  return load<u32>(entry(index) + PAGER);
}

export function threadsOf(index: u32): u32 {
  return load<u32>(entry(index) + THREADS);
}

export function setThreads(index: u32, k: u32): void {
  store<u32>(entry(index) + THREADS, k);
}

function entry(index: u32): usize {
  return table + index * ENTRY_SIZE;
}
