// Root's own capability table: which slots the kernel filled and which root hands out.
// Layer: root task (AssemblyScript, ring 3).
//
// Interface: takeSlot() → a slot of root's table no one uses yet, or 0 when the table is full;
// IRQ_SLOT_BASE, IRQ_SLOTS: where a component finds its IRQ capabilities (line n in slot
// IRQ_SLOT_BASE + n), so manifest grants may not use those slots.
// Invariant: slots below FIRST_FREE are the kernel's initial capabilities for root (README of
// the kernel: RootSlot), which root never overwrites; every other slot is taken once.

import { ROOT_SLOT_IO_PORTS } from "@sawmill/kernel/assembly/generated/layout";

const FIRST_FREE: u32 = ROOT_SLOT_IO_PORTS + 1;
/** The kernel's capability tables: (4096 − 256) / 16 slots in the task's frame. */
const SLOTS: u32 = 240;

/** A component's IRQ capability for line n is in its slot IRQ_SLOT_BASE + n. */
export const IRQ_SLOT_BASE: u32 = 32;
export const IRQ_SLOTS: u32 = 16;

let next: u32 = FIRST_FREE;

export function takeSlot(): u32 {
  if (next >= SLOTS) return 0;
  return next++;
}
