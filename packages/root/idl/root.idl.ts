import type { u32 } from "@sawmill/idl/types";
import type { Pager } from "@sawmill/kernel/idl/pager.idl.ts";

/**
 * The root task's services for the components it started, and the pager protocol the kernel
 * speaks to it on their behalf. Both arrive on one endpoint: every thread of component i holds
 * it as its pager and in slot 48 (ROOT_TASK_SLOT) as a SEND capability, badged i + 1, so root
 * knows from the badge which component calls and nobody can call for another.
 *
 * `pageFault` is the kernel's `Pager.pageFault` itself (inherited: label 0xfff2, error
 * NO_MAPPING first). Root's reply maps one fresh frame at the faulting page: an image page
 * filled from the component's ELF, a stack, UTCB or memory page zeroed (a UTCB page with its
 * self word), each charged to the component's budget. NO_MAPPING: a protection fault, an
 * address outside the component's memory, its budget spent, or root out of memory; the kernel
 * then raises the fault.
 */
export interface RootTask extends Pager {
  /**
   * Starts a new thread in the caller's task at `eip` with stack pointer `esp` (0: the top of
   * the new thread's own stack slot) and `priority`; the kernel's thread entry calls
   * `thread(argument, 0, 0, 0)`. The thread gets the next free stack slot k (1–15: UTCB page
   * 0xBFFFF000 − k·0x10000, the manifest's stack pages below it, paged by root within the
   * component's budget), root as its pager and, like the component's first thread, no exception
   * handler. Result: the slot of the new thread's capability in the caller's table, 48 + k
   * (READ and WRITE: the caller may thread_control it).
   * @error BAD_PRIORITY the priority is above the component's own (its manifest priority)
   * @error BAD_ADDRESS eip is not in an executable segment of the component's image, or esp is neither 0 nor inside its memory range (its budget's pages above 0x50000000)
   * @error TOO_MANY_THREADS all 15 further stack slots are taken
   * @error SLOT_TAKEN the caller's slot 48 + k already holds a capability
   * @error NO_MEMORY the kernel has no memory for the thread
   * @error NOT_A_COMPONENT the capability's badge names no component root started
   */
  threadCreate(eip: u32, esp: u32, priority: u32, argument: u32): u32;
}
