// Shared buffers between tasks, fbufs-style (the paper's §5.3): the producer passes a buffer
// (pages it has mapped, e.g. a region of a dataspace) to a consumer as a map item — read-only
// or read-write — or hands it over for good (transferBuffer): the dataspace's manager makes the
// consumer its owner, the producer's pages move to the consumer as a grant item, and the
// producer's region is detached.
// Layer: user level over IPC map/grant items, the dataspace protocol and the region mapper.
// Invariants: a read-only share gives the consumer a mapping the kernel keeps read-only
// whatever its pager does, since rights only shrink. After a transfer the producer has no
// mapping of the buffer, no region for it and no right to it at the manager: a touch goes to
// its exception handler, and asking the manager for the pages gets DATASPACE_NOT_OWNER.
import { makeTag, recv, send, setBR, setMR } from "@sawmill/kernel/assembly/user/ipc";
import { fpage, grantItem, mapItem, RIGHTS_RO, RIGHTS_RW } from "@sawmill/kernel/assembly/user/memory";
import * as idl from "@sawmill/idl/assembly/runtime";
import { dataspaceClient } from "./dataspace";
import { detach, find, RM_BAD_RANGE, RM_NOT_ATTACHED, regionDataspace, regionManager, regionSize, regionStart } from "./region-mapper";

/** Label of a buffer message. */
export const BUFFER_LABEL: u32 = 0x42;

/**
 * Sends the 2^log2Size-byte buffer at `address` (aligned) on `slot` (SEND and GRANT rights):
 * mapped read-only or read-write; the sender keeps it.
 */
export function offerBuffer(slot: u32, address: u32, log2Size: u32, writable: bool): u32 {
  setMR(0, mapItem(address));
  setMR(1, fpage(address, log2Size, writable ? RIGHTS_RW : RIGHTS_RO));
  return send(slot, makeTag(BUFFER_LABEL, 0, 1), 0);
}

/**
 * Hands the dataspace attached at `start` (the whole region; its size a power of two, start
 * aligned to it) to the consumer whose capability at the dataspace's manager carries badge
 * `consumer`, over `slot` (SEND and GRANT rights). The message's word 0 is the dataspace id,
 * then one grant item with the pages this task has mapped. Status: a region-mapper error or
 * the manager's refusal (nothing changed then), or the kernel's error for the send (the
 * dataspace is the consumer's then all the same, and the region is detached).
 */
export function transferBuffer(slot: u32, start: u32, consumer: u32): u32 {
  const index = find(start);
  if (index < 0 || regionStart(index) != start) return RM_NOT_ATTACHED;
  const size = regionSize(index);
  if ((size & (size - 1)) != 0 || (start & (size - 1)) != 0) return RM_BAD_RANGE;
  const id = regionDataspace(index);
  const status = dataspaceClient(regionManager(index))!.transfer(id, consumer); // bound by attach
  if (status != idl.STATUS_OK) return status;
  setMR(0, id);
  setMR(1, grantItem(start));
  setMR(2, fpage(start, ctz(size), RIGHTS_RW));
  const error = send(slot, makeTag(BUFFER_LABEL, 1, 1), 0);
  detach(start);
  return error;
}

/**
 * Waits on `endpoint` for a buffer and accepts it at `window` (2^log2Size bytes, aligned).
 * After a transfer, getMR(0) is the dataspace id the receiver now owns.
 */
export function acceptBuffer(endpoint: u32, window: u32, log2Size: u32): u32 {
  setBR(0, fpage(window, log2Size, RIGHTS_RW));
  const error = recv(endpoint, 0);
  setBR(0, 0);
  return error;
}
