// Memory as a component sees it: flexpages, map and grant items, UNMAP, and the page-fault
// message a pager receives (README "Memory"). Import from "@sawmill/kernel/assembly/user/memory".
//
// A pager receives label LABEL_PAGE_FAULT with MR0 = fault address, MR1 = eip, MR2 = FAULT_*
// bits, and answers with reply_recv carrying one map item (mapItem + a flexpage in MR0, MR1 of
// a message with 0 words and 1 item) — or no item, which ends the faulting thread's task.

export {
  FAULT_PRESENT,
  FAULT_USER,
  FAULT_WRITE,
  FPAGE_RIGHT_READ,
  FPAGE_RIGHT_WRITE,
  LABEL_PAGE_FAULT,
  UNMAP_SELF,
} from "../generated/layout";
import { FPAGE_BASE_MASK, FPAGE_RIGHT_READ, FPAGE_RIGHT_WRITE, FPAGE_SIZE_SHIFT, ITEM_GRANT, ITEM_MAP } from "../generated/layout";

/** Read and write access (write implies read on IA-32). */
export const RIGHTS_RW: u32 = FPAGE_RIGHT_READ | FPAGE_RIGHT_WRITE;
export const RIGHTS_RO: u32 = FPAGE_RIGHT_READ;
export const PAGE_BITS: u32 = 12;

/**
 * Removes every mapping derived from the caller's mappings in the flexpage, in all address
 * spaces; with UNMAP_SELF in `flags` the caller's own mappings too.
 */
@external("sys", "unmap") export declare function unmap(fpage: u32, flags: u32): u32;

/** The flexpage of 2^log2Size bytes at `base` (a virtual address, aligned to the size). */
export function fpage(base: u32, log2Size: u32, rights: u32): u32 {
  return (base & FPAGE_BASE_MASK) | (log2Size << FPAGE_SIZE_SHIFT) | rights;
}

/** Word 0 of a map item; `sendBase` picks the part that lands in a window of another size. */
export function mapItem(sendBase: u32): u32 {
  return (sendBase & FPAGE_BASE_MASK) | ITEM_MAP;
}

/** Word 0 of a grant item: like map, but the sender loses the pages. */
export function grantItem(sendBase: u32): u32 {
  return (sendBase & FPAGE_BASE_MASK) | ITEM_GRANT;
}
