// The bookkeeping both managers share: dataspace ids 1…max handed out in order, each with a
// size of at most maxPages pages. Layer: under a concrete manager, which adds where pages
// come from (page()). Invariant: size(id) is 0 for ids never opened or closed.
import { DataspaceManager, PAGE } from "./dataspace";

export abstract class TableManager extends DataspaceManager {
  private next: u32 = 1;
  private sizes: usize;
  private max: u32;
  private maxPages: u32;

  constructor(max: u32, maxPages: u32) {
    super();
    this.max = max;
    this.maxPages = maxPages;
    this.sizes = heap.alloc(4 * (max + 1));
    memory.fill(this.sizes, 0, 4 * (max + 1));
  }

  open(pages: u32): u32 {
    if (this.next > this.max || pages == 0 || pages > this.maxPages) return 0;
    const id = this.next++;
    store<u32>(this.sizes + 4 * id, pages * PAGE);
    return id;
  }

  size(id: u32): u32 {
    return id == 0 || id > this.max ? 0 : load<u32>(this.sizes + 4 * id);
  }

  close(id: u32): void {
    if (this.size(id) != 0) store<u32>(this.sizes + 4 * id, 0);
  }
}
