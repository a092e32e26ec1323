// Root's view of the address-space layout (the kernel README's memory map) and its own static
// limits. Layer: root task (AssemblyScript, ring 3).
//
// Interface: PAGE_SIZE; UTCB (stack slot 0's UTCB page, a first thread's stack top is just below
// it) and utcbPage(k) (stack slot k's), isUtcbPage(page); stackSlotOf(page) (which slot a stack-area page is in);
// STACK_PAGES (stack pages a slot holds below its UTCB page); MEMORY_PAGES (pages of the wasm
// memory range, USER_MEMORY up to the stack slots); WINDOW_WASM (where root's code sees physical
// address 0); MAX_COMPONENTS (root's tables are static).

import {
  ADDRESS_ROOT_WINDOW,
  ADDRESS_STACK_SLOT,
  ADDRESS_STACKS_TOP,
  ADDRESS_USER_MEMORY,
} from "@sawmill/kernel/assembly/generated/layout";

export const PAGE_SIZE: u32 = 4096;
export const UTCB: u32 = ADDRESS_STACKS_TOP - PAGE_SIZE;
export const STACK_PAGES: u32 = ADDRESS_STACK_SLOT / PAGE_SIZE - 1;
/** The memory map keeps 16 stack slots below STACKS_TOP; the wasm memory range ends there. */
export const STACK_SLOTS: u32 = 16;
const STACKS_BOTTOM: u32 = ADDRESS_STACKS_TOP - STACK_SLOTS * ADDRESS_STACK_SLOT;
export const MEMORY_PAGES: u32 = (STACKS_BOTTOM - ADDRESS_USER_MEMORY) / PAGE_SIZE;
/** Root's physical-memory window minus its wasm memory base. */
export const WINDOW_WASM: u32 = ADDRESS_ROOT_WINDOW - ADDRESS_USER_MEMORY;
export const MAX_COMPONENTS: u32 = 32;

/** The UTCB page of stack slot `k`: the top page of the slot; its stack ends just below. */
export function utcbPage(k: u32): u32 {
  return UTCB - k * ADDRESS_STACK_SLOT;
}

/** The stack slot holding `page`, or STACK_SLOTS for a page outside the stack area. */
export function stackSlotOf(page: u32): u32 {
  if (page < STACKS_BOTTOM || page >= ADDRESS_STACKS_TOP) return STACK_SLOTS;
  return (ADDRESS_STACKS_TOP - 1 - page) / ADDRESS_STACK_SLOT;
}

/** Whether `page` is the UTCB page of one of the stack slots. */
export function isUtcbPage(page: u32): bool {
  const k = stackSlotOf(page);
  return k < STACK_SLOTS && page == utcbPage(k);
}
