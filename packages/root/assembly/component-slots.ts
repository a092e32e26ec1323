// The capability slots root fills in every component's table besides the manifest's grants:
// what a component can count on finding. Layer: root task ABI (AssemblyScript, shared by root
// and the components that import it as "@sawmill/root/assembly/component-slots").
//
// Slots 1–31 are the manifest's (interfaces), 32–47 IRQ lines (IRQ_SLOT_BASE in slots.ts);
// 48–63 are root's:
//   ROOT_TASK_SLOT (48)   the RootTask interface (SEND, badge = component index + 1) — the
//                         same endpoint and badge as the component's pager;
//   48 + k (k = 1–15)     the THREAD capability (READ, WRITE) of the thread in stack slot k,
//                         made by RootTask.threadCreate.
// Invariant: the manifest check refuses grants into 48–63, so root's slots are never taken
// by a grant.

export const ROOT_TASK_SLOT: u32 = 48;
/** The thread in stack slot k has its capability in slot THREAD_SLOT_BASE + k. */
export const THREAD_SLOT_BASE: u32 = 48;
/** Threads a component may add to its first one: one per further stack slot. */
export const MAX_THREADS: u32 = 15;
export const ROOT_SLOTS_END: u32 = THREAD_SLOT_BASE + MAX_THREADS + 1;
