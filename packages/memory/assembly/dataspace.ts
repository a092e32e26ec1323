// The dataspace protocol (README "Protocol"): client stubs and the generic server loop a
// dataspace manager plugs its policy into. Layer: user level, above the kernel's IPC and map
// items. Decode, then invoke: answer() checks the request (label, words, the dataspace exists,
// the caller owns it, the offset is inside it) before it asks the manager for anything.
// Invariants: a dataspace's owner is the badge of the capability it was opened through (or the
// badge it was transferred to); only the owner is served. A MAP reply carries exactly one
// one-page map item or none (then its label is the error); the page lands in the caller's
// receive window (BR0), which the caller sets.
import { call, getMR, makeTag, receivedBadge, receivedTag, recv, replyRecv, setBR, setMR, tagLabel, tagWords } from "@sawmill/kernel/assembly/user/ipc";
import { fpage, mapItem, PAGE_BITS, RIGHTS_RW } from "@sawmill/kernel/assembly/user/memory";

export const DS_OPEN: u32 = 1;
export const DS_MAP: u32 = 2;
export const DS_SIZE: u32 = 3;
export const DS_CLOSE: u32 = 4;
export const DS_TRANSFER: u32 = 5;

export const DS_OK: u32 = 0;
export const DS_BAD_DATASPACE: u32 = 0x21;
export const DS_OUT_OF_RANGE: u32 = 0x22;
export const DS_NO_MEMORY: u32 = 0x20;
export const DS_NOT_OWNER: u32 = 0x23;

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

/** Closes dataspace `id`: its pages are unmapped wherever they were mapped, then reused. */
export function dsClose(slot: u32, id: u32): u32 {
  setMR(0, id);
  return status(call(slot, makeTag(DS_CLOSE, 1, 0), 0));
}

/** Makes the client whose capability carries badge `owner` the owner of dataspace `id`. */
export function dsTransfer(slot: u32, id: u32, owner: u32): u32 {
  setMR(0, id);
  setMR(1, owner);
  return status(call(slot, makeTag(DS_TRANSFER, 2, 0), 0));
}

/** A manager's policy: where its pages come from, and which ids exist and whose they are. */
export abstract class DataspaceManager {
  /** A new dataspace of `pages` zeroed pages owned by `owner`: its id, or 0 when out of ids or memory. */
  abstract open(pages: u32, owner: u32): u32;
  /** Its size in bytes, or 0 for no such dataspace. */
  abstract size(id: u32): u32;
  /** The badge of its owner (an existing dataspace). */
  abstract owner(id: u32): u32;
  /** The address in this task of the dataspace's page at `offset` (mapped by now), or 0. */
  abstract page(id: u32, offset: u32, write: bool): u32;
  /** Frees an existing dataspace: its pages are unmapped from every client and reused. */
  abstract close(id: u32): void;
  /** Hands an existing dataspace to `owner`. */
  abstract transfer(id: u32, owner: u32): void;
}

/** Serves the protocol on `endpoint` forever; the sender's badge names the client. */
export function serveDataspaces(endpoint: u32, manager: DataspaceManager): void {
  recv(endpoint, 0);
  while (true) replyRecv(endpoint, answer(manager, receivedTag(), receivedBadge()), 0);
}

/** Untyped words each request needs, by label. */
function wordsNeeded(label: u32): u32 {
  if (label == DS_MAP) return 3;
  return label == DS_TRANSFER ? 2 : 1;
}

function answer(manager: DataspaceManager, tag: u32, client: u32): u32 {
  const label = tagLabel(tag);
  if (label < DS_OPEN || label > DS_TRANSFER || tagWords(tag) < wordsNeeded(label)) return statusOnly(DS_BAD_DATASPACE);
  if (label == DS_OPEN) return word(manager.open(getMR(0), client), DS_NO_MEMORY);
  const id = getMR(0);
  const size = manager.size(id);
  if (size == 0) return statusOnly(DS_BAD_DATASPACE);
  if (manager.owner(id) != client) return statusOnly(DS_NOT_OWNER);
  if (label == DS_SIZE) return word(size, DS_BAD_DATASPACE);
  if (label == DS_CLOSE) manager.close(id);
  if (label == DS_TRANSFER) manager.transfer(id, getMR(1));
  if (label != DS_MAP) return statusOnly(DS_OK);
  const offset = getMR(1) & ~(PAGE - 1);
  return offset < size ? mapPage(manager, id, offset, getMR(2) & RIGHTS_RW) : statusOnly(DS_OUT_OF_RANGE);
}

/** The MAP reply: one map item of the page, with the rights asked for. */
function mapPage(manager: DataspaceManager, id: u32, offset: u32, rights: u32): u32 {
  const page = manager.page(id, offset, (rights & 2) != 0);
  if (page == 0) return statusOnly(DS_NO_MEMORY);
  setMR(0, mapItem(page));
  setMR(1, fpage(page, PAGE_BITS, rights));
  return makeTag(DS_OK, 0, 1);
}

/** A reply with no words: the status alone. */
function statusOnly(status: u32): u32 {
  return makeTag(status, 0, 0);
}

/** A one-word reply (status OK), or `error` when the word is 0. */
function word(value: u32, error: u32): u32 {
  if (value == 0) return statusOnly(error);
  setMR(0, value);
  return makeTag(DS_OK, 1, 0);
}
