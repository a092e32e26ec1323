// A stacked dataspace manager: it hands out pages of its own memory, and that memory is itself
// a dataspace of another manager, attached through this task's region mapper — so serving a
// page may first page it in from below. Each page it hands out for the first time gets a stamp
// in its first word (STAMP | id << 8 | page index), which shows a client whose pages it saw.
// Layer: a dataspace manager (dataspace.ts) over another one. Invariants: dataspace i
// (1…MAX_DATASPACES) owns the backing slice BACKING + (i − 1)·SLICE; `handedOut` has a bit for
// each page of a slice that was mapped on; closing unmaps those pages from every client and
// zeroes them (the backing stays), so the id's next dataspace starts zeroed; the thread serving
// the protocol is paged by the region mapper, never by the task's original pager.
import { attach, RM_OK } from "./region-mapper";
import * as idl from "@sawmill/idl/assembly/runtime";
import { dataspaceClient, PAGE } from "./dataspace";
import { TableManager } from "./table-manager";
import { fpage, PAGE_BITS, RIGHTS_RW, unmap } from "@sawmill/kernel/assembly/user/memory";

const USER_MEMORY: u32 = 0x5000_0000;
/** Where the backing dataspace is attached, and how big it is. */
export const BACKING: u32 = 0x7000_0000;
const SLICE_PAGES: u32 = 16;
const MAX_DATASPACES: u32 = 4;
export const STAMP: u32 = 0x57ac_0000;

/** One per task: the backing is attached at a fixed address. */
export class StackedManager extends TableManager {
  /** Per dataspace id: a bit for each page of its slice that was handed out. */
  private handedOut: usize;

  constructor() {
    super(MAX_DATASPACES, SLICE_PAGES);
    this.handedOut = heap.alloc(4 * (MAX_DATASPACES + 1));
    memory.fill(this.handedOut, 0, 4 * (MAX_DATASPACES + 1));
  }

  /** Opens the backing dataspace at the manager behind `below` and attaches it; false on failure. */
  attachBacking(below: u32): bool {
    const manager = dataspaceClient(below);
    if (manager == null || manager.open(SLICE_PAGES * MAX_DATASPACES) != idl.STATUS_OK) return false;
    return attach(below, manager.result, BACKING, SLICE_PAGES * MAX_DATASPACES * PAGE, RIGHTS_RW) == RM_OK;
  }

  page(id: u32, offset: u32, write: bool): u32 {
    const address = pageAddress(id, offset / PAGE);
    const bit: u32 = 1 << (offset / PAGE);
    const mask = this.handedOut + 4 * id;
    if ((load<u32>(mask) & bit) == 0) {
      store<u32>(address - USER_MEMORY, STAMP | (id << 8) | (offset / PAGE)); // pages in from below
      store<u32>(mask, load<u32>(mask) | bit);
    }
    return address;
  }

  protected release(id: u32, pages: u32): void {
    const mask = this.handedOut + 4 * id;
    for (let i: u32 = 0; i < pages; i++) {
      if ((load<u32>(mask) & (1 << i)) == 0) continue;
      const address = pageAddress(id, i);
      unmap(fpage(address, PAGE_BITS, RIGHTS_RW), 0); // from the clients; this task keeps it
      memory.fill(address - USER_MEMORY, 0, PAGE);
    }
    store<u32>(mask, 0);
  }
}

function pageAddress(id: u32, page: u32): u32 {
  return BACKING + ((id - 1) * SLICE_PAGES + page) * PAGE;
}
