// Capabilities and kernel objects as a component sees them: the `sys` object stubs
// (src/user/stubs.ts). Import what you use from "@sawmill/kernel/assembly/user/objects".
// Slots are indices into the calling task's capability table (slot 0 is never a capability);
// every call returns the kernel's error code (0 = OK; README "System calls").

export {
  ERROR_ABORTED,
  ERROR_INVALID_ARGUMENT,
  ERROR_INVALID_CAP,
  ERROR_NO_MEMORY,
  ERROR_NO_RIGHT,
  ERROR_OK,
  ERROR_TIMEOUT,
  ERROR_WRONG_TYPE,
  RIGHT_GRANT,
  RIGHT_READ,
  RIGHT_RECEIVE,
  RIGHT_SEND,
  RIGHT_WRITE,
  ROOT_SLOT_FACTORY,
  ROOT_SLOT_TASK,
  ROOT_SLOT_THREAD,
} from "../generated/layout";
import {
  THREAD_OP_SET_EXCEPTION_HANDLER,
  THREAD_OP_SET_PAGER,
  THREAD_OP_SET_PRIORITY,
  THREAD_OP_SET_REGISTERS,
  THREAD_OP_START,
} from "../generated/layout";

/** Copies `slot` into `toSlot` of the task `toTask` names (0: own table) with a badge and rights mask. */
@external("sys", "cap_copy") export declare function capCopy(slot: u32, toTask: u32, toSlot: u32, badge: u32, rights: u32): u32;
@external("sys", "cap_delete") export declare function capDelete(slot: u32): u32;
/** A new endpoint in `toSlot`, from the FACTORY capability in `factory`. */
@external("sys", "endpoint_create") export declare function endpointCreate(factory: u32, toSlot: u32): u32;
/** A new task (empty address space) in `toSlot`. */
@external("sys", "task_create") export declare function taskCreate(factory: u32, toSlot: u32): u32;
/** A new inactive thread in the task `task` names; its THREAD capability goes to `toSlot`. */
@external("sys", "thread_create") export declare function threadCreate(task: u32, toSlot: u32, eip: u32, esp: u32, utcb: u32): u32;
@external("sys", "thread_control") export declare function threadControl(thread: u32, op: u32, a1: u32, a2: u32, a3: u32, a4: u32): u32;
/** Where a new thread of this component starts: the runtime calls the exported `thread(a, b, c, d)`. */
@external("sys", "thread_entry") export declare function threadEntry(): u32;

export function threadStart(thread: u32): u32 {
  return threadControl(thread, THREAD_OP_START, 0, 0, 0, 0);
}

export function threadSetPriority(thread: u32, priority: u32): u32 {
  return threadControl(thread, THREAD_OP_SET_PRIORITY, priority, 0, 0, 0);
}

export function threadSetPager(thread: u32, endpoint: u32): u32 {
  return threadControl(thread, THREAD_OP_SET_PAGER, endpoint, 0, 0, 0);
}

export function threadSetExceptionHandler(thread: u32, endpoint: u32): u32 {
  return threadControl(thread, THREAD_OP_SET_EXCEPTION_HANDLER, endpoint, 0, 0, 0);
}

/** The registers `thread(eax, ebx, ecx, edx)` receives when the thread starts. */
export function threadSetRegisters(thread: u32, eax: u32, ebx: u32, ecx: u32, edx: u32): u32 {
  return threadControl(thread, THREAD_OP_SET_REGISTERS, eax, ebx, ecx, edx);
}
