// The dataspace protocol, from which @sawmill/idl generates the client stubs and the server
// dispatch (src/index.ts stages them as `dataspace-protocol.ts` beside the library). The caller
// is named by its capability's badge: a dataspace serves only its owner.
import type { Mapping, u32 } from "@sawmill/idl/types";

/** A dataspace manager. */
export interface Dataspace {
  /**
   * Opens a new dataspace of zeroed pages, owned by the caller; result: its id.
   * @error NO_MEMORY no id or memory left
   */
  open(pages: u32): u32;
  /**
   * Maps the page at `offset` of dataspace `id` with `rights` (4 read, 2 write) into the
   * caller's receive window (one page); the reply carries one map item.
   * @error BAD_DATASPACE no such dataspace
   * @error OUT_OF_RANGE the offset is past its end
   * @error NOT_OWNER the caller does not own it (any more)
   * @error NO_MEMORY no page for it
   */
  map(id: u32, offset: u32, rights: u32): Mapping;
  /**
   * Result: the dataspace's size in bytes.
   * @error BAD_DATASPACE no such dataspace
   * @error NOT_OWNER the caller does not own it
   */
  size(id: u32): u32;
  /**
   * Closes dataspace `id`: its pages are unmapped from every client and reused.
   * @error BAD_DATASPACE no such dataspace
   * @error NOT_OWNER the caller does not own it
   */
  close(id: u32): void;
  /**
   * Makes the client whose capability carries badge `owner` the dataspace's owner.
   * @error BAD_DATASPACE no such dataspace
   * @error NOT_OWNER the caller does not own it
   */
  transfer(id: u32, owner: u32): void;
}
