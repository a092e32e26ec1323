// Message transfer: copying one message from a sender to a receiver at a rendezvous.
// Layer: kernel IPC (AssemblyScript).
//
// A message is the tag plus u + 2t words (u untyped words, t two-word typed items after them).
// Words 0–3 travel in registers (edx ebx esi edi of the saved frame), the rest in the UTCB
// (offset UTCB_MR0 + 4k), on both sides. A thread the kernel calls on behalf of (a page
// fault: IPC_KERNEL_MESSAGE) sends its tag and words 0–3 from its TCB's KERNEL_* fields and,
// when replied to, receives no words: its registers stay as they were when it faulted.
//
// Interface: senderTag(thread); checkMessage(thread, tag, rights) validates a message at entry
// (before anything changes); transfer(sender, receiver, badge) → error code: on OK the receiver's
// frame holds eax = OK, ecx = tag, MR0–MR3, ebp = badge and its UTCB the rest. A receiver whose
// UTCB is not mapped writable gets the register words only (the tag says so).

import {
  ERROR_INVALID_ARGUMENT,
  ERROR_NO_RIGHT,
  ERROR_OK,
  IPC_KERNEL_MESSAGE,
  MESSAGE_REGISTERS,
  REGISTER_MESSAGE_WORDS,
  RIGHT_GRANT,
  TAG_ITEMS_MASK,
  TAG_ITEMS_SHIFT,
  TAG_LABEL_MASK,
  TAG_WORDS_MASK,
  TAG_WORDS_SHIFT,
  THREAD_EAX,
  THREAD_EBP,
  THREAD_EBX,
  THREAD_ECX,
  THREAD_EDI,
  THREAD_EDX,
  THREAD_ESI,
  THREAD_IPC_FLAGS,
  THREAD_KERNEL_MR0,
  THREAD_KERNEL_TAG,
  THREAD_UTCB,
  UTCB_MR0,
} from "./generated/layout";
import { patchItemWords, transferItems } from "./items";
import { utcbKernelAddress } from "./user-memory";

export function tagWords(tag: u32): u32 {
  return (tag >> TAG_WORDS_SHIFT) & TAG_WORDS_MASK;
}

export function tagItems(tag: u32): u32 {
  return (tag >> TAG_ITEMS_SHIFT) & TAG_ITEMS_MASK;
}

export function makeTag(label: u32, words: u32, items: u32): u32 {
  return (label & TAG_LABEL_MASK) | (words << TAG_WORDS_SHIFT) | (items << TAG_ITEMS_SHIFT);
}

export function isKernelMessage(thread: u32): bool {
  return (load<u32>(thread + THREAD_IPC_FLAGS) & IPC_KERNEL_MESSAGE) != 0;
}

export function senderTag(thread: u32): u32 {
  return load<u32>(thread + (isKernelMessage(thread) ? THREAD_KERNEL_TAG : THREAD_ECX));
}

/** Validates `thread`'s outgoing message; `rights` of the capability it goes through. */
export function checkMessage(thread: u32, tag: u32, rights: u32): u32 {
  const length = tagWords(tag) + 2 * tagItems(tag);
  if (length > MESSAGE_REGISTERS) return ERROR_INVALID_ARGUMENT;
  if (tagItems(tag) > 0 && (rights & RIGHT_GRANT) == 0) return ERROR_NO_RIGHT;
  if (length > REGISTER_MESSAGE_WORDS && utcbKernelAddress(thread, false) == 0) return ERROR_INVALID_ARGUMENT;
  return ERROR_OK;
}

/** Word k of `thread`'s message (utcb = its UTCB's kernel address, needed for k ≥ 4). */
export function messageWord(thread: u32, utcb: u32, k: u32): u32 {
  if (k >= REGISTER_MESSAGE_WORDS) return load<u32>(utcb + UTCB_MR0 + k * 4);
  if (isKernelMessage(thread)) return load<u32>(thread + THREAD_KERNEL_MR0 + k * 4);
  return load<u32>(thread + registerOffset(k));
}

export function putMessageWord(thread: u32, utcb: u32, k: u32, value: u32): void {
  if (k >= REGISTER_MESSAGE_WORDS) store<u32>(utcb + UTCB_MR0 + k * 4, value);
  else store<u32>(thread + registerOffset(k), value);
}

export function transfer(sender: u32, receiver: u32, badge: u32): u32 {
  const tag = senderTag(sender);
  const words = tagWords(tag);
  const items = tagItems(tag);
  if (items == 0 && words <= REGISTER_MESSAGE_WORDS) {
    if (!isKernelMessage(receiver)) deliverRegisters(sender, receiver, tag, badge);
    return ERROR_OK; // a register message: no UTCB on either side
  }
  const length = words + 2 * items;
  const source = length > REGISTER_MESSAGE_WORDS ? utcbKernelAddress(sender, false) : 0;
  if (length > REGISTER_MESSAGE_WORDS && source == 0) return ERROR_INVALID_ARGUMENT;
  const kernelReceiver = isKernelMessage(receiver);
  const target = kernelReceiver ? 0 : utcbKernelAddress(receiver, true);
  const error = transferItems(sender, source, receiver, target, words, items);
  if (error != ERROR_OK || kernelReceiver) return error;
  if (target == 0 && length > REGISTER_MESSAGE_WORDS) {
    deliver(sender, source, receiver, target, makeTag(tag, min(words, REGISTER_MESSAGE_WORDS), 0), badge);
  } else {
    deliver(sender, source, receiver, target, tag, badge);
    patchItemWords(receiver, target);
  }
  return ERROR_OK;
}

function deliver(sender: u32, source: u32, receiver: u32, target: u32, tag: u32, badge: u32): void {
  const length = tagWords(tag) + 2 * tagItems(tag);
  for (let k: u32 = 0; k < length; k++) {
    putMessageWord(receiver, target, k, messageWord(sender, source, k));
  }
  completeReceive(receiver, tag, badge);
}

/** The common case, words 0–3 only: register to register. */
function deliverRegisters(sender: u32, receiver: u32, tag: u32, badge: u32): void {
  const words = tagWords(tag);
  const from = isKernelMessage(sender) ? sender + THREAD_KERNEL_MR0 : 0;
  for (let k: u32 = 0; k < words; k++) {
    const offset = registerOffset(k);
    store<u32>(receiver + offset, load<u32>(from != 0 ? from + k * 4 : sender + offset));
  }
  completeReceive(receiver, tag, badge);
}

function completeReceive(receiver: u32, tag: u32, badge: u32): void {
  store<u32>(receiver + THREAD_EAX, ERROR_OK);
  store<u32>(receiver + THREAD_ECX, tag);
  store<u32>(receiver + THREAD_EBP, badge);
}

/** TCB offsets of the registers that carry words 0–3. */
const REGISTER_OFFSETS = memory.data<u32>([THREAD_EDX, THREAD_EBX, THREAD_ESI, THREAD_EDI]);

function registerOffset(k: u32): u32 {
  return load<u32>(REGISTER_OFFSETS + k * 4);
}
