// The bookkeeping every manager shares: dataspace ids 1…max, each with a size of at most
// maxPages pages and an owner (a client's badge). Layer: under a concrete manager, which adds
// where pages come from (page()) and how they are given back (release()).
// Invariants: size(id) is 0 for ids not open; a closed id goes on a free list and is handed out
// again, after release() has freed its pages — so opening and closing forever needs no more
// ids or memory than the dataspaces open at one time.
import { DataspaceManager, PAGE } from "./dataspace";

export abstract class TableManager extends DataspaceManager {
  /** Ids never handed out start here. */
  private next: u32 = 1;
  private max: u32;
  private maxPages: u32;
  /** Per id: size in bytes, owner badge. */
  private sizes: usize;
  private owners: usize;
  /** Closed ids, a stack of freeCount entries. */
  private freeIds: usize;
  private freeCount: u32 = 0;

  constructor(max: u32, maxPages: u32) {
    super();
    this.max = max;
    this.maxPages = maxPages;
    this.sizes = zeroed(4 * (max + 1));
    this.owners = zeroed(4 * (max + 1));
    this.freeIds = zeroed(4 * max);
  }

  /** Gives back the pages of dataspace `id` (`pages` long), which is being closed. */
  protected abstract release(id: u32, pages: u32): void;

  open(pages: u32, owner: u32): u32 {
    if (pages == 0 || pages > this.maxPages) return 0;
    const id = this.takeId();
    if (id == 0) return 0;
    store<u32>(this.sizes + 4 * id, pages * PAGE);
    store<u32>(this.owners + 4 * id, owner);
    return id;
  }

  size(id: u32): u32 {
    return id == 0 || id > this.max ? 0 : load<u32>(this.sizes + 4 * id);
  }

  owner(id: u32): u32 {
    return load<u32>(this.owners + 4 * id);
  }

  close(id: u32): void {
    this.release(id, this.size(id) / PAGE);
    store<u32>(this.sizes + 4 * id, 0);
    store<u32>(this.freeIds + 4 * this.freeCount++, id);
  }

  transfer(id: u32, owner: u32): void {
    store<u32>(this.owners + 4 * id, owner);
  }

  /** A closed id if there is one, else a new one; 0 when all are open. */
  private takeId(): u32 {
    if (this.freeCount > 0) return load<u32>(this.freeIds + 4 * --this.freeCount);
    return this.next > this.max ? 0 : this.next++;
  }
}

/** `bytes` of zeroed heap. */
function zeroed(bytes: u32): usize {
  const at = heap.alloc(bytes);
  memory.fill(at, 0, bytes);
  return at;
}
