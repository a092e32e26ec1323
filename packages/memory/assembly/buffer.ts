// Shared buffers between tasks, fbufs-style: the producer passes a buffer (pages it has mapped,
// e.g. a region of a dataspace) to a consumer as a map item — read-only or read-write — or
// hands it over for good as a grant item (its own mapping moves to the consumer).
// Layer: user level over IPC map/grant items. Invariant: a read-only share gives the consumer
// a mapping the kernel keeps read-only whatever its pager does, since rights only shrink.
import { makeTag, recv, send, setBR, setMR } from "@sawmill/kernel/assembly/user/ipc";
import { fpage, grantItem, mapItem, RIGHTS_RO, RIGHTS_RW } from "@sawmill/kernel/assembly/user/memory";

/** Label of a buffer message. */
export const BUFFER_LABEL: u32 = 0x42;

/**
 * Sends the 2^log2Size-byte buffer at `address` (aligned) on `slot` (SEND and GRANT rights):
 * mapped read-only, mapped read-write, or granted (`transfer`: the sender loses it).
 */
export function offerBuffer(slot: u32, address: u32, log2Size: u32, writable: bool, transfer: bool): u32 {
  setMR(0, transfer ? grantItem(address) : mapItem(address));
  setMR(1, fpage(address, log2Size, writable ? RIGHTS_RW : RIGHTS_RO));
  return send(slot, makeTag(BUFFER_LABEL, 0, 1), 0);
}

/** Waits on `endpoint` for a buffer and accepts it at `window` (2^log2Size bytes, aligned). */
export function acceptBuffer(endpoint: u32, window: u32, log2Size: u32): u32 {
  setBR(0, fpage(window, log2Size, RIGHTS_RW));
  const error = recv(endpoint, 0);
  setBR(0, 0);
  return error;
}
