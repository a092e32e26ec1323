// The system calls root makes, in root's terms: one place that knows the kernel's argument
// conventions (kernel README, "System calls"). Layer: root task (AssemblyScript, ring 3).
//
// Interface: object creation (createTask, createEndpoint, createThread, setThreadArgument,
// startThread), capabilities (mintInto another task's table, mintHere in root's own, mintIrq for
// one IRQ line, deleteCap), I/O ports (grantPorts), and fpage (the flexpage of a frame the pager
// maps). Every call returns the kernel's error code (0 = OK). Root's IPC is the generated
// RootTask dispatch (services.ts), not here.

import {
  FPAGE_MIN_SIZE,
  FPAGE_RIGHT_READ,
  FPAGE_RIGHT_WRITE,
  FPAGE_SIZE_SHIFT,
  ADDRESS_ROOT_WINDOW,
} from "@sawmill/kernel/assembly/generated/layout";
import {
  ioportGrant,
  irqLineBadge,
  ROOT_SLOT_IO_PORTS,
  ROOT_SLOT_IRQ_CONTROL,
} from "@sawmill/kernel/assembly/user/devices";
import {
  capCopy,
  capDelete,
  endpointCreate,
  ROOT_SLOT_FACTORY,
  taskCreate,
  threadCreate,
  threadSetPager,
  threadSetPriority,
  threadSetRegisters,
  threadStart,
} from "@sawmill/kernel/assembly/user/objects";

/** Rights mask that keeps every right of the source. */
const ALL_RIGHTS: u32 = 0xff00;
const OWN_TABLE: u32 = 0;

export function createTask(slot: u32): u32 {
  return taskCreate(ROOT_SLOT_FACTORY, slot);
}

export function createEndpoint(slot: u32): u32 {
  return endpointCreate(ROOT_SLOT_FACTORY, slot);
}

/** Copies root's capability `source` into slot `slot` of the task root's `task` names. */
export function mintInto(source: u32, task: u32, slot: u32, badge: u32, rights: u32): u32 {
  return capCopy(source, task, slot, badge, rights);
}

/** Copies root's capability `source` into root's own slot `slot`. */
export function mintHere(source: u32, slot: u32, badge: u32, rights: u32): u32 {
  return capCopy(source, OWN_TABLE, slot, badge, rights);
}

/** An inactive thread of `task` at `eip` with stack `esp` and UTCB `utcb`; its capability in `slot`. */
export function createThread(task: u32, slot: u32, eip: u32, esp: u32, utcb: u32): u32 {
  return threadCreate(task, slot, eip, esp, utcb);
}

/** What the new thread's `thread(argument, 0, 0, 0)` receives (before it starts). */
export function setThreadArgument(thread: u32, argument: u32): u32 {
  return threadSetRegisters(thread, argument, 0, 0, 0);
}

/** Priority, pager (root's endpoint slot), then start: the first error stops it. */
export function startThread(thread: u32, priority: u32, pager: u32): u32 {
  let error = threadSetPriority(thread, priority);
  if (error == 0) error = threadSetPager(thread, pager);
  if (error == 0) error = threadStart(thread);
  return error;
}

/** Copies root's IRQ control capability, narrowed to `line` alone, into `task`'s slot `slot`. */
export function mintIrq(task: u32, slot: u32, line: u32): u32 {
  return capCopy(ROOT_SLOT_IRQ_CONTROL, task, slot, irqLineBadge(line), ALL_RIGHTS);
}

/** Empties root's slot `slot` (the object lives on). */
export function deleteCap(slot: u32): u32 {
  return capDelete(slot);
}

/** Allows ports [base, base + count) to the task root's `task` names (IOPORT_GRANT). */
export function grantPorts(task: u32, base: u32, count: u32): u32 {
  return ioportGrant(ROOT_SLOT_IO_PORTS, task, base, count, 0);
}

/** The one-page flexpage of physical frame `frame` in root's window, readable, maybe writable. */
export function fpage(frame: u32, writable: bool): u32 {
  const rights = FPAGE_RIGHT_READ | (writable ? FPAGE_RIGHT_WRITE : 0);
  return (ADDRESS_ROOT_WINDOW + frame) | (FPAGE_MIN_SIZE << FPAGE_SIZE_SHIFT) | rights;
}
