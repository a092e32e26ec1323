// The system calls root makes, in root's terms: one place that knows the kernel's argument
// conventions (kernel README, "System calls"). Layer: root task (AssemblyScript, ring 3).
//
// Interface: object creation (createTask, createEndpoint, createThread, startThread), capability
// minting (mintInto another task's table, mintHere in root's own), I/O ports (grantPorts), and
// the pager's side of IPC (waitForFault, faultBadge/Label/Address, replyMapAndWait,
// replyNothingAndWait, fpage). Every call returns the kernel's error code (0 = OK).

import {
  ADDRESS_ROOT_WINDOW,
  ADDRESS_USER_MEMORY,
  FPAGE_MIN_SIZE,
  FPAGE_RIGHT_READ,
  FPAGE_RIGHT_WRITE,
  FPAGE_SIZE_SHIFT,
  ITEM_MAP,
  ROOT_SLOT_IO_PORTS,
  TAG_ITEMS_SHIFT,
  TAG_LABEL_MASK,
  UTCB_BADGE,
  UTCB_MR0,
  UTCB_TAG,
} from "@sawmill/kernel/assembly/generated/layout";

// PROVISIONAL: declared here until the kernel's user stubs for these calls land.
@external("sys", "task_create") declare function taskCreate(factory: u32, slot: u32): u32;
@external("sys", "endpoint_create") declare function endpointCreate(factory: u32, slot: u32): u32;
@external("sys", "cap_copy") declare function capCopy(source: u32, task: u32, slot: u32, badge: u32, rights: u32): u32;
@external("sys", "thread_create") declare function threadCreate(task: u32, slot: u32, eip: u32, esp: u32, utcb: u32): u32;
@external("sys", "thread_control") declare function threadControl(thread: u32, priority: u32, pager: u32): u32;
@external("sys", "ioport_grant") declare function ioportGrant(ports: u32, task: u32, base: u32, count: u32, revoke: u32): u32;
@external("sys", "recv") declare function recv(endpoint: u32): u32;
@external("sys", "reply_recv") declare function replyRecv(endpoint: u32, tag: u32, mr0: u32, mr1: u32): u32;

const FACTORY: u32 = 1;
/** Root's UTCB (stack slot 0) as root's code sees it: the stubs leave received messages there. */
const UTCB_WASM: usize = 0xbfff_f000 - ADDRESS_USER_MEMORY;

let pagerEndpoint: u32 = 0;

export function createTask(slot: u32): u32 {
  return taskCreate(FACTORY, slot);
}

export function createEndpoint(slot: u32): u32 {
  return endpointCreate(FACTORY, slot);
}

/** Copies root's capability `source` into `task`'s slot `slot` with `badge` and `rights`. */
export function mintInto(source: u32, task: u32, slot: u32, badge: u32, rights: u32): u32 {
  return capCopy(source, task, slot, badge, rights);
}

/** Copies root's capability `source` into root's own slot `slot` with `badge` and `rights`. */
export function mintHere(source: u32, slot: u32, badge: u32, rights: u32): u32 {
  return capCopy(source, 0, slot, badge, rights);
}

export function createThread(task: u32, slot: u32, eip: u32, esp: u32, utcb: u32): u32 {
  return threadCreate(task, slot, eip, esp, utcb);
}

export function startThread(thread: u32, priority: u32, pager: u32): u32 {
  return threadControl(thread, priority, pager);
}

export function grantPorts(task: u32, base: u32, count: u32): u32 {
  return ioportGrant(ROOT_SLOT_IO_PORTS, task, base, count, 0);
}

export function waitForFault(endpoint: u32): void {
  pagerEndpoint = endpoint;
  while (recv(endpoint) != 0) {}
}

export function faultBadge(): u32 {
  return load<u32>(UTCB_WASM + UTCB_BADGE);
}

export function faultLabel(): u32 {
  return load<u32>(UTCB_WASM + UTCB_TAG) & TAG_LABEL_MASK;
}

export function faultAddress(): u32 {
  return load<u32>(UTCB_WASM + UTCB_MR0);
}

/** Replies with one MAP item of `fpage` (root's space) for `page`, then waits for the next fault. */
export function replyMapAndWait(page: u32, fpage: u32): void {
  if (replyRecv(pagerEndpoint, 1 << TAG_ITEMS_SHIFT, page | ITEM_MAP, fpage) != 0) waitForFault(pagerEndpoint);
}

/** Replies with nothing (the fault stays unresolved), then waits for the next fault. */
export function replyNothingAndWait(): void {
  if (replyRecv(pagerEndpoint, 0, 0, 0) != 0) waitForFault(pagerEndpoint);
}

/** The one-page flexpage of physical frame `frame` in root's window, readable, maybe writable. */
export function fpage(frame: u32, writable: bool): u32 {
  const rights = FPAGE_RIGHT_READ | (writable ? FPAGE_RIGHT_WRITE : 0);
  return (ADDRESS_ROOT_WINDOW + frame) | (FPAGE_MIN_SIZE << FPAGE_SIZE_SHIFT) | rights;
}
