// Typed message items: capabilities and mappings that travel inside an IPC.
// Layer: kernel IPC (AssemblyScript), called by message.ts at each rendezvous.
//
// Interface: transferItems(sender, source, receiver, target, words, items) → error code; runs
// every item in order (an error stops at that item; the ones before it stay done);
// patchItemWords(receiver, target) after the words are copied rewrites a capability item's
// word 1 to the receiving slot. Item words are message words words + 2i, words + 2i + 1.
// CAP items (README "Typed items"): word 0 = ITEM_CAP | rights mask (bits 8–15), word 1 = slot
// in the sender's table; the receiver accepts one per message into the empty slot named by its
// UTCB's BR1, with the badge kept and the rights reduced by the mask. MAP / GRANT items go to
// the memory owner's transferMapItem (map-items.ts). The endpoint's GRANT right was checked at
// entry (checkMessage).

import {
  CAP_ITEM_RIGHTS_MASK,
  ERROR_INVALID_ARGUMENT,
  ERROR_OK,
  ITEM_CAP,
  ITEM_GRANT,
  ITEM_MAP,
  ITEM_MASK,
  UTCB_BR1,
  CAPTYPE_NULL,
} from "./generated/layout";
import { capBadge, deriveCap, freeSlot, isCapError, lookupCap } from "./captable";
import { transferMapItem } from "./map-items";
import { messageWord, putMessageWord } from "./message";
import { threadTask } from "./thread";

/** The message word that carries the accepted capability item's slot (0: none this message). */
let acceptedWord: u32 = 0;
let acceptedIndex: u32 = 0;

export function transferItems(sender: u32, source: u32, receiver: u32, target: u32, words: u32, items: u32): u32 {
  acceptedWord = 0;
  for (let i: u32 = 0; i < items; i++) {
    const k = words + 2 * i;
    const word0 = messageWord(sender, source, k);
    const word1 = messageWord(sender, source, k + 1);
    const error = transferItem(sender, receiver, target, word0, word1, k + 1);
    if (error != ERROR_OK) return error;
  }
  return ERROR_OK;
}

export function patchItemWords(receiver: u32, target: u32): void {
  if (acceptedWord != 0) putMessageWord(receiver, target, acceptedWord, acceptedIndex);
}

function transferItem(sender: u32, receiver: u32, target: u32, word0: u32, word1: u32, k: u32): u32 {
  const kind = word0 & ITEM_MASK;
  if (kind == ITEM_CAP) return transferCap(sender, receiver, target, word0, word1, k);
  if (kind == ITEM_MAP || kind == ITEM_GRANT) return transferMapItem(sender, receiver, word0, word1);
  return ERROR_INVALID_ARGUMENT;
}

function transferCap(sender: u32, receiver: u32, target: u32, word0: u32, word1: u32, k: u32): u32 {
  if (target == 0 || acceptedWord != 0) return ERROR_INVALID_ARGUMENT;
  const from = lookupCap(threadTask(sender), word1, CAPTYPE_NULL, 0);
  if (isCapError(from)) return from;
  const index = load<u32>(target + UTCB_BR1);
  const to = freeSlot(threadTask(receiver), index);
  if (isCapError(to)) return to;
  deriveCap(from, to, word0 & CAP_ITEM_RIGHTS_MASK, capBadge(from));
  acceptedWord = k;
  acceptedIndex = index;
  return ERROR_OK;
}
