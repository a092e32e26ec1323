// The anonymous-memory dataspace manager: zeroed pages from a pool of this task's own memory,
// which its pager (root) maps on first touch. Layer: a dataspace manager (dataspace.ts) at the
// bottom of a stack. A dataspace's pages are taken from the pool when first asked for, not at
// open, so only touched pages cost memory.
// Invariants: a pool page belongs to at most one dataspace page (frames table) or is on the
// free list; it is zeroed when it is taken, and when its dataspace closes it is unmapped from
// every client (kernel unmap of what was derived from this task's mapping) before it goes back
// on the free list — so no client keeps a page that another dataspace gets next.
import { fpage, PAGE_BITS, RIGHTS_RW, unmap } from "@sawmill/kernel/assembly/user/memory";
import { PAGE } from "./dataspace";
import { TableManager } from "./table-manager";

const USER_MEMORY: u32 = 0x5000_0000;
/** The pool: all the memory this manager ever hands out. */
export const POOL_PAGES: u32 = 64;
const MAX_DATASPACES: u32 = 63;
const MAX_PAGES: u32 = 64;
const pool = memory.data(POOL_PAGES * PAGE, PAGE);

export class AnonymousManager extends TableManager {
  /** Per dataspace and page: its pool page's number (1…POOL_PAGES), 0 = none yet. */
  private frames: usize;
  /** Pool pages given back, a stack of freeFrames numbers; numbers above `fresh` were never used. */
  private free: usize;
  private freeFrames: u32 = 0;
  private fresh: u32 = 0;

  constructor() {
    super(MAX_DATASPACES, MAX_PAGES);
    this.frames = heap.alloc(2 * (MAX_DATASPACES + 1) * MAX_PAGES);
    memory.fill(this.frames, 0, 2 * (MAX_DATASPACES + 1) * MAX_PAGES);
    this.free = heap.alloc(2 * POOL_PAGES);
  }

  page(id: u32, offset: u32, write: bool): u32 {
    const entry = this.entry(id, offset / PAGE);
    let frame = <u32>load<u16>(entry);
    if (frame == 0) {
      frame = this.takeFrame();
      if (frame == 0) return 0;
      store<u16>(entry, <u16>frame);
    }
    return USER_MEMORY + frameAddress(frame);
  }

  protected release(id: u32, pages: u32): void {
    for (let i: u32 = 0; i < pages; i++) {
      const entry = this.entry(id, i);
      const frame = <u32>load<u16>(entry);
      if (frame == 0) continue;
      unmap(fpage(USER_MEMORY + frameAddress(frame), PAGE_BITS, RIGHTS_RW), 0);
      store<u16>(this.free + 2 * this.freeFrames++, <u16>frame);
      store<u16>(entry, 0);
    }
  }

  private entry(id: u32, page: u32): usize {
    return this.frames + 2 * (id * MAX_PAGES + page);
  }

  /** A zeroed pool page's number, or 0 when the pool is spent. */
  private takeFrame(): u32 {
    let frame: u32 = 0;
    if (this.freeFrames > 0) frame = <u32>load<u16>(this.free + 2 * --this.freeFrames);
    else if (this.fresh < POOL_PAGES) frame = ++this.fresh;
    else return 0;
    memory.fill(frameAddress(frame), 0, PAGE); // a fresh page faults in here; a reused one is cleared
    return frame;
  }
}

/** The wasm address of pool page `frame` (1…POOL_PAGES). */
function frameAddress(frame: u32): u32 {
  return <u32>pool + (frame - 1) * PAGE;
}
