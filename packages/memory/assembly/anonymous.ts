// The anonymous-memory dataspace manager: zeroed pages, from memory this task got from its own
// pager (root) by touching its pool. Layer: a dataspace manager (dataspace.ts) at the bottom of
// a stack. Invariant: dataspace i (1…MAX_DATASPACES) owns the pool slice POOL + i·SLICE, so its
// pages are never shared with another dataspace; a page is touched (faulted in) before it is
// mapped on, because the kernel maps on only pages the sender has.
import { DataspaceManager, PAGE } from "./dataspace";

const USER_MEMORY: u32 = 0x5000_0000;
const POOL: u32 = 0x6000_0000;
const SLICE: u32 = 0x0010_0000;
const MAX_DATASPACES: u32 = 63;

const sizes = memory.data(4 * (MAX_DATASPACES + 1), 4);

export class AnonymousManager extends DataspaceManager {
  private next: u32 = 1;

  open(pages: u32): u32 {
    if (this.next > MAX_DATASPACES || pages == 0 || pages * PAGE > SLICE) return 0;
    const id = this.next++;
    store<u32>(sizes + 4 * id, pages * PAGE);
    return id;
  }

  size(id: u32): u32 {
    return id == 0 || id > MAX_DATASPACES ? 0 : load<u32>(sizes + 4 * id);
  }

  page(id: u32, offset: u32, write: bool): u32 {
    const address = POOL + id * SLICE + offset;
    load<u32>(address - USER_MEMORY); // fault it in: root maps a zeroed read-write page
    return address;
  }

  close(id: u32): void {
    if (this.size(id) != 0) store<u32>(sizes + 4 * id, 0);
  }
}
