// The dataspace protocol (README "Protocol"): client stubs and the generic server loop a
// dataspace manager plugs its policy into. Layer: user level, above the kernel's IPC and map
// items. Invariant: a MAP reply carries exactly one one-page map item or none (then its label
// is the error); the page lands in the caller's receive window (BR0), which the caller sets.
import { call, getMR, makeTag, receivedTag, recv, replyRecv, setBR, setMR, tagLabel, tagWords } from "@sawmill/kernel/assembly/user/ipc";
import { fpage, mapItem, PAGE_BITS, RIGHTS_RW } from "@sawmill/kernel/assembly/user/memory";

export const DS_OPEN: u32 = 1;
export const DS_MAP: u32 = 2;
export const DS_SIZE: u32 = 3;
export const DS_CLOSE: u32 = 4;

export const DS_OK: u32 = 0;
export const DS_BAD_DATASPACE: u32 = 0x21;
export const DS_OUT_OF_RANGE: u32 = 0x22;
export const DS_NO_MEMORY: u32 = 0x20;

export const PAGE: u32 = 4096;

/** Status of the last stub call (kernel error 1–15, or the reply label). */
function status(error: u32): u32 {
  return error != 0 ? error : tagLabel(receivedTag());
}

/** Opens a new zeroed dataspace of `pages` pages at the manager behind `slot`; id in MR0. */
export function dsOpen(slot: u32, pages: u32): u32 {
  setMR(0, pages);
  return status(call(slot, makeTag(DS_OPEN, 1, 0), 0));
}

/**
 * Asks for page `offset` of dataspace `id` with `rights`, received at the one page `window`
 * of this address space. OK means the page is mapped there.
 */
export function dsMap(slot: u32, id: u32, offset: u32, rights: u32, window: u32): u32 {
  setBR(0, fpage(window, PAGE_BITS, RIGHTS_RW));
  setMR(0, id);
  setMR(1, offset);
  setMR(2, rights);
  const result = status(call(slot, makeTag(DS_MAP, 3, 0), 0));
  setBR(0, 0);
  return result;
}

/** The size in bytes of dataspace `id` (MR0 of the reply). */
export function dsSize(slot: u32, id: u32): u32 {
  setMR(0, id);
  return status(call(slot, makeTag(DS_SIZE, 1, 0), 0));
}

export function dsClose(slot: u32, id: u32): u32 {
  setMR(0, id);
  return status(call(slot, makeTag(DS_CLOSE, 1, 0), 0));
}

/** A manager's policy: where its pages come from. */
export abstract class DataspaceManager {
  /** A new dataspace of `pages` pages: its id, or 0 when out of ids or memory. */
  abstract open(pages: u32): u32;
  /** Its size in bytes, or 0 for no such dataspace. */
  abstract size(id: u32): u32;
  /** The address in this task of the dataspace's page at `offset` (mapped by now), or 0. */
  abstract page(id: u32, offset: u32, write: bool): u32;
  abstract close(id: u32): void;
}

/** Serves the protocol on `endpoint` forever (the badge is not used: dataspace ids are global). */
export function serveDataspaces(endpoint: u32, manager: DataspaceManager): void {
  recv(endpoint, 0);
  while (true) replyRecv(endpoint, answer(manager, receivedTag()), 0);
}

function answer(manager: DataspaceManager, tag: u32): u32 {
  const label = tagLabel(tag);
  if (tagWords(tag) < 1) return makeTag(DS_BAD_DATASPACE, 0, 0);
  const id = getMR(0);
  if (label == DS_OPEN) return word(manager.open(id), DS_NO_MEMORY);
  if (label == DS_SIZE) return word(manager.size(id), DS_BAD_DATASPACE);
  if (label == DS_CLOSE) {
    manager.close(id);
    return makeTag(DS_OK, 0, 0);
  }
  if (label != DS_MAP || tagWords(tag) < 3) return makeTag(DS_BAD_DATASPACE, 0, 0);
  const size = manager.size(id);
  const offset = getMR(1) & ~(PAGE - 1);
  if (size == 0) return makeTag(DS_BAD_DATASPACE, 0, 0);
  if (offset >= size) return makeTag(DS_OUT_OF_RANGE, 0, 0);
  const rights = getMR(2);
  const page = manager.page(id, offset, (rights & 2) != 0);
  if (page == 0) return makeTag(DS_NO_MEMORY, 0, 0);
  setMR(0, mapItem(page));
  setMR(1, fpage(page, PAGE_BITS, rights));
  return makeTag(DS_OK, 0, 1);
}

/** A one-word reply (status OK), or `error` when the word is 0. */
function word(value: u32, error: u32): u32 {
  if (value == 0) return makeTag(error, 0, 0);
  setMR(0, value);
  return makeTag(DS_OK, 1, 0);
}
