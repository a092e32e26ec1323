// A stacked dataspace manager: it hands out pages of its own memory, and that memory is itself
// a dataspace of another manager, attached through this task's region mapper — so serving a
// page may first page it in from below. Each page it hands out for the first time gets a stamp
// in its first word (STAMP | id << 8 | page index), which shows a client whose pages it saw.
// Layer: a dataspace manager (dataspace.ts) over another one. Invariant: dataspace i
// (1…MAX_DATASPACES) owns the backing slice BACKING + (i − 1)·SLICE; the thread serving the
// protocol is paged by the region mapper, never by the task's original pager.
import { attach } from "./region-mapper";
import { DS_OK, dsOpen, PAGE } from "./dataspace";
import { TableManager } from "./table-manager";
import { getMR } from "@sawmill/kernel/assembly/user/ipc";
import { RIGHTS_RW } from "@sawmill/kernel/assembly/user/memory";

const USER_MEMORY: u32 = 0x5000_0000;
/** Where the backing dataspace is attached, and how big it is. */
export const BACKING: u32 = 0x7000_0000;
const SLICE_PAGES: u32 = 16;
const MAX_DATASPACES: u32 = 4;
export const STAMP: u32 = 0x57ac_0000;

export class StackedManager extends TableManager {
  constructor() {
    super(MAX_DATASPACES, SLICE_PAGES);
  }

  /** Opens the backing dataspace at the manager behind `below` and attaches it; false on failure. */
  attachBacking(below: u32): bool {
    if (dsOpen(below, SLICE_PAGES * MAX_DATASPACES) != DS_OK) return false;
    return attach(below, getMR(0), BACKING, SLICE_PAGES * MAX_DATASPACES * PAGE, RIGHTS_RW);
  }

  page(id: u32, offset: u32, write: bool): u32 {
    const address = BACKING + (id - 1) * SLICE_PAGES * PAGE + offset;
    const wasm = address - USER_MEMORY;
    if (load<u32>(wasm) == 0) store<u32>(wasm, STAMP | (id << 8) | (offset / PAGE)); // pages in from below
    return address;
  }
}
