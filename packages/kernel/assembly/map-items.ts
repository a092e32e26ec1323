// Map and grant items: passing pages from one address space to another inside an IPC.
// Layer: kernel memory (AssemblyScript), called by the IPC transfer for each typed item.
//
// Interface: transferMapItem(sender, receiver, word0, word1) → error code. word0 bits 0–3 =
// ItemKind MAP or GRANT, bits 12–31 = send base; word1 = the flexpage in the sender's task.
// The receiver accepts into its window: its UTCB's BR0, or, while it waits for a page-fault
// reply (THREAD_FAULT set), the faulting page. Placement (as L4): with a send flexpage of 2^s
// bytes and a window of 2^r, if s ≤ r the whole flexpage lands at window base + (send base mod
// 2^r) rounded down to 2^s; if s > r, the 2^r-aligned part of the flexpage containing send base
// fills the window. Pages of the sender without a mapping are skipped; a page is writable for
// the receiver only if the item says write and the sender's own mapping is writable (rights
// only shrink). Mapping over an existing mapping replaces it (and what was derived from it).

import {
  ERROR_INVALID_ARGUMENT,
  ERROR_NO_MEMORY,
  ERROR_OK,
  ITEM_GRANT,
  ITEM_MAP,
  ITEM_MASK,
  THREAD_FAULT,
  UTCB_BR0,
} from "./generated/layout";
import {
  fpageBase,
  fpageGrantsAccess,
  fpageIsNil,
  fpageSize,
  fpageValid,
  fpageWritable,
  pageFpage,
} from "./fpage";
import { PAGE_SIZE } from "./frames";
import { grantNode, isMapped, isSelfOrAncestor, isWritable, mapDerived, nodeAt, sourceNode } from "./mapdb";
import { isUserAddress, pagesToSkip } from "./paging";
import { directoryOf } from "./task";
import { threadTask } from "./thread";
import { readUserWord } from "./user-memory";

export function transferMapItem(sender: u32, receiver: u32, word0: u32, word1: u32): u32 {
  const kind = word0 & ITEM_MASK;
  if ((kind != ITEM_MAP && kind != ITEM_GRANT) || !fpageValid(word1)) return ERROR_INVALID_ARGUMENT;
  const window = receiveWindow(receiver);
  if (fpageIsNil(window) || fpageIsNil(word1) || !fpageGrantsAccess(word1)) return ERROR_OK;
  const s = fpageSize(word1);
  const r = fpageSize(window);
  const hotspot = word0 & ~(PAGE_SIZE - 1);
  const n = min(s, r);
  const source = s > r ? fpageBase(word1) + (hotspot & lowMask(s) & ~lowMask(r)) : fpageBase(word1);
  const target = s > r ? fpageBase(window) : fpageBase(window) + (hotspot & lowMask(r) & ~lowMask(s));
  const ok = transferPages(
    kind == ITEM_GRANT,
    threadTask(sender),
    source,
    threadTask(receiver),
    target,
    n,
    fpageWritable(word1),
  );
  return ok ? ERROR_OK : ERROR_NO_MEMORY;
}

/** The flexpage the receiver accepts mappings into (nil: none). */
export function receiveWindow(receiver: u32): u32 {
  const fault = load<u32>(receiver + THREAD_FAULT);
  if (fault != 0) return pageFpage(fault);
  const window = readUserWord(receiver, UTCB_BR0);
  return fpageValid(window) ? window : 0;
}

/** Maps or grants the 2^size bytes at `source` in `from` to `target` in `to`, page by page. */
function transferPages(
  grant: bool,
  from: u32,
  source: u32,
  to: u32,
  target: u32,
  size: u32,
  writable: bool,
): bool {
  const pages: u64 = ((<u64>1) << size) >> 12;
  for (let i: u64 = 0; i < pages; i++) {
    const src = source + <u32>(i << 12);
    const skip = pagesToSkip(directoryOf(from), src);
    if (skip != 0) {
      i += skip - 1;
      continue;
    }
    if (!transferPage(grant, from, src, to, target + <u32>(i << 12), writable)) return false;
  }
  return true;
}

/** One page; false only when the kernel is out of memory. */
function transferPage(grant: bool, from: u32, src: u32, to: u32, dst: u32, writable: bool): bool {
  if (!isUserAddress(dst)) return true;
  const node = sourceNode(from, src);
  if (node == 0) return !isMapped(from, src); // nothing mapped: nothing to pass on; else no memory
  const old = nodeAt(to, dst);
  if (old != 0 && isSelfOrAncestor(old, node)) return true; // would cut the branch it hangs on
  const rights = writable && isWritable(from, src);
  return grant ? grantNode(node, to, dst, rights) : mapDerived(node, to, dst, rights);
}

function lowMask(size: u32): u32 {
  return size >= 32 ? 0xffff_ffff : (1 << size) - 1;
}
