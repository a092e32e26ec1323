// The anonymous-memory dataspace manager: zeroed pages, from memory this task got from its own
// pager (root) by touching its pool. Layer: a dataspace manager (dataspace.ts) at the bottom of
// a stack. Invariant: dataspace i (1…MAX_DATASPACES) owns the pool slice POOL + i·SLICE, so its
// pages are never shared with another dataspace; a page is touched (faulted in) before it is
// mapped on, because the kernel maps on only pages the sender has.
import { PAGE } from "./dataspace";
import { TableManager } from "./table-manager";

const USER_MEMORY: u32 = 0x5000_0000;
const POOL: u32 = 0x6000_0000;
const SLICE: u32 = 0x0010_0000;
const MAX_DATASPACES: u32 = 63;

export class AnonymousManager extends TableManager {
  constructor() {
    super(MAX_DATASPACES, SLICE / PAGE);
  }

  page(id: u32, offset: u32, write: bool): u32 {
    const address = POOL + id * SLICE + offset;
    load<u32>(address - USER_MEMORY); // fault it in: root maps a zeroed read-write page
    return address;
  }
}
