// Memory accounting: root's physical frames and each component's page budget.
// Layer: root task (AssemblyScript, ring 3).
//
// Root owns every physical page from `firstFree` to the end of RAM; the kernel maps them at
// ROOT_WINDOW + physical, which root's code sees at wasm address WINDOW_WASM + physical.
// Interface: memoryInit(firstFree, end); setBudget(component, pages); withinBudget(component);
// takePage(component) → physical address of a fresh zeroed frame charged to the component, or 0
// when its budget (the manifest's memory pages) or root's memory is exhausted;
// pagesUsed(component); windowAddress(physical).
// Invariants: a component never holds more pages from root than its budget; frames are handed
// out once and never reused (nothing is freed yet), so no two components share a frame.

import { MAX_COMPONENTS, PAGE_SIZE, WINDOW_WASM } from "./layout";


let nextFree: u32 = 0;
let memoryEnd: u32 = 0;
const budgets = memory.data(MAX_COMPONENTS * 4);
const used = memory.data(MAX_COMPONENTS * 4);

export function memoryInit(firstFree: u32, end: u32): void {
  nextFree = (firstFree + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
  memoryEnd = end;
}

/** Wasm address at which root reads and writes physical address `physical`. */
export function windowAddress(physical: u32): usize {
  return WINDOW_WASM + physical;
}

export function setBudget(component: u32, pages: u32): void {
  store<u32>(budgets + component * 4, pages);
}

export function pagesUsed(component: u32): u32 {
  return load<u32>(used + component * 4);
}

export function withinBudget(component: u32): bool {
  return pagesUsed(component) < load<u32>(budgets + component * 4);
}

export function takePage(component: u32): u32 {
  const count = pagesUsed(component);
  if (!withinBudget(component) || nextFree >= memoryEnd) return 0;
  const frame = nextFree;
  nextFree += PAGE_SIZE;
  memory.fill(windowAddress(frame), 0, PAGE_SIZE);
  store<u32>(used + component * 4, count + 1);
  return frame;
}
