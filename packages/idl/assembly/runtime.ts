// What IDL-generated AssemblyScript imports: the `idl` x86 stubs (src/x86-stubs.ts) and the wire
// format's constants (src/wire.ts; a host test checks the two agree). Generated code imports this
// file as "@sawmill/idl/assembly/runtime"; application code uses the status constants.

export { utcb } from "@sawmill/kernel/assembly/user/ipc";
export { grantItem, mapItem } from "@sawmill/kernel/assembly/user/memory";
export { capDelete } from "@sawmill/kernel/assembly/user/objects";
export {
  CAP_ITEM_RIGHTS_MASK,
  ERROR_INVALID_SYSCALL,
  ITEM_CAP,
  UTCB_BADGE,
  UTCB_BR0,
  UTCB_BR1,
  UTCB_MR0,
  UTCB_TAG,
} from "@sawmill/kernel/assembly/generated/layout";
import {
  ERROR_INVALID_CAP,
  ERROR_INVALID_SYSCALL,
  ERROR_NO_RIGHT,
  TAG_ITEMS_MASK,
  TAG_ITEMS_SHIFT,
} from "@sawmill/kernel/assembly/generated/layout";

/** System-call numbers the stubs' `dest` word carries in bits 0–7 (the slot above). */
export const SYSCALL_CALL: u32 = 3;
export const SYSCALL_REPLY_RECV: u32 = 4;

/** Statuses (a reply's label). Kernel error codes 1–15 mean the IPC itself failed. */
export const STATUS_OK: u32 = 0;
export const STATUS_INTERFACE_MISMATCH: u32 = 0x10;
export const STATUS_UNKNOWN_METHOD: u32 = 0x11;
export const STATUS_BAD_MESSAGE: u32 = 0x12;
export const STATUS_NOT_SERVED: u32 = 0x13;
/** A call on a client that has not bound: what the kernel answers a system call with number 0. */
export const STATUS_NOT_BOUND: u32 = ERROR_INVALID_SYSCALL;
export const BIND_LABEL: u32 = 0;

/**
 * Client stubs: `client` is a generated client object (fields result, dest first); the words go
 * straight into edx ebx esi edi; returns the status and stores reply MR0 into client.result.
 */
@external("idl", "call0") export declare function call0(client: usize, tag: u32): u32;
@external("idl", "call1") export declare function call1(client: usize, tag: u32, w0: u32): u32;
@external("idl", "call2") export declare function call2(client: usize, tag: u32, w0: u32, w1: u32): u32;
@external("idl", "call3") export declare function call3(client: usize, tag: u32, w0: u32, w1: u32, w2: u32): u32;
@external("idl", "call4") export declare function call4(client: usize, tag: u32, w0: u32, w1: u32, w2: u32, w3: u32): u32;
/** Server stub: reply (tag, MR0 = result), wait; the request's tag, badge, MR0–MR3 land in the UTCB. */
@external("idl", "reply_recv") export declare function replyRecv(dest: u32, tag: u32, result: u32): u32;

/** The same with two reply words: an item reply (MR0 MR1 = the item). */
@external("idl", "reply_recv2") export declare function replyRecv2(dest: u32, tag: u32, w0: u32, w1: u32): u32;

/**
 * Whether a server's reply_recv failed because its endpoint capability is unusable
 * (INVALID_CAP, WRONG_TYPE or NO_RIGHT: consecutive codes, one unsigned range check), so the
 * dispatch loop cannot go on; other errors only lose the current message. (A host test checks
 * the kernel's numbering; ERROR_WRONG_TYPE is the code between.)
 */
@inline export function endpointUnusable(error: u32): bool {
  return error - ERROR_INVALID_CAP <= ERROR_NO_RIGHT - ERROR_INVALID_CAP;
}

/**
 * Whether the dispatch refused (INTERFACE_MISMATCH, UNKNOWN_METHOD or BAD_MESSAGE: consecutive
 * codes) a request that carried typed items — its capability then sits unclaimed in the
 * server's receive slot.
 */
@inline export function refusedWithItems(tag: u32, reply: u32): bool {
  const status = reply & 0xffff;
  return ((tag >> TAG_ITEMS_SHIFT) & TAG_ITEMS_MASK) != 0 && status - STATUS_INTERFACE_MISMATCH <= STATUS_BAD_MESSAGE - STATUS_INTERFACE_MISMATCH;
}
