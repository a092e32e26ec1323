// IPC as a component sees it: the `sys` IPC stubs (src/user/stubs.ts) and the UTCB's message
// registers. Import what you use: `import { call, getMR, setMR } from "@sawmill/kernel/assembly/user/ipc";`
//
// Messages live in the UTCB: write MR0… with setMR, then send/call/reply_recv with a tag
// (makeTag); after recv/call/reply_recv the received tag, badge and MR0… are in the UTCB
// (receivedTag, receivedBadge, getMR). The stubs move MR0–MR3 between the UTCB and the registers.
// Every call returns the kernel's error code (0 = OK). Timeouts (ebp): send in bits 0–15,
// receive in 16–31, in ticks; 0 = forever, 0xFFFF = do not block (timeouts()).

import {
  CAP_ITEM_RIGHTS_MASK,
  ITEM_CAP,
  TAG_ITEMS_MASK,
  TAG_ITEMS_SHIFT,
  TAG_LABEL_MASK,
  TAG_WORDS_MASK,
  TAG_WORDS_SHIFT,
  UTCB_BADGE,
  UTCB_BR0,
  UTCB_MR0,
  UTCB_TAG,
} from "../generated/layout";

/** Sends MR0… (tag's words and items) to the endpoint in `slot`. */
@external("sys", "send") export declare function send(slot: u32, tag: u32, timeouts: u32): u32;
/** Waits on the endpoint in `slot` for a message. */
@external("sys", "recv") export declare function recv(slot: u32, timeouts: u32): u32;
/** Sends, then waits for the reply (its tag and MRs replace the UTCB's). */
@external("sys", "call") export declare function call(slot: u32, tag: u32, timeouts: u32): u32;
/** Replies to the last caller (if any), then waits on the endpoint in `slot`. */
@external("sys", "reply_recv") export declare function replyRecv(slot: u32, tag: u32, timeouts: u32): u32;
/** The calling thread's UTCB as a wasm address (its self word). */
@external("sys", "utcb") export declare function utcb(): u32;

export function makeTag(label: u32, words: u32, items: u32): u32 {
  return (label & TAG_LABEL_MASK) | (words << TAG_WORDS_SHIFT) | (items << TAG_ITEMS_SHIFT);
}

export function tagLabel(tag: u32): u32 {
  return tag & TAG_LABEL_MASK;
}

export function tagWords(tag: u32): u32 {
  return (tag >> TAG_WORDS_SHIFT) & TAG_WORDS_MASK;
}

export function tagItems(tag: u32): u32 {
  return (tag >> TAG_ITEMS_SHIFT) & TAG_ITEMS_MASK;
}

export function timeouts(send: u32, receive: u32): u32 {
  return (send & 0xffff) | (receive << 16);
}

export function setMR(index: u32, value: u32): void {
  store<u32>(utcb() + UTCB_MR0 + index * 4, value);
}

export function getMR(index: u32): u32 {
  return load<u32>(utcb() + UTCB_MR0 + index * 4);
}

/** Sets buffer register `index`: BR0 = receive window (flexpage), BR1 = receive slot. */
export function setBR(index: u32, value: u32): void {
  store<u32>(utcb() + UTCB_BR0 + index * 4, value);
}

/**
 * Puts a capability item at MR`index`, MR`index + 1`: the capability in `slot` of this task,
 * with its rights reduced to `rights`. The receiver accepts it into the slot its BR1 names and
 * finds that slot in the item's second word.
 */
export function setCapItem(index: u32, slot: u32, rights: u32): void {
  setMR(index, ITEM_CAP | (rights & CAP_ITEM_RIGHTS_MASK));
  setMR(index + 1, slot);
}

export function receivedTag(): u32 {
  return load<u32>(utcb() + UTCB_TAG);
}

export function receivedBadge(): u32 {
  return load<u32>(utcb() + UTCB_BADGE);
}
