// The region mapper (the paper's §3): a library linked into a client task. attach() records
// which dataspace backs a region of the task's address space, detach() forgets it and unmaps
// its pages; serveRegions() runs in a thread of the task that is the pager of the task's other
// threads: it serves the kernel's Pager protocol (@sawmill/kernel's idl/pager.idl.ts, staged
// as ./pager-protocol, always separately placed: the kernel is the client) with the generated
// dispatch, and resolves a fault by asking the region's dataspace manager for the page and
// forwarding the mapping it received.
// Layer: user level, client side of the dataspace protocol. Invariants: at most MAX_REGIONS
// regions, page aligned, not overlapping, below 0xC0000000; a fault inside the managed range
// that no region covers, or a write to a read-only region, gets PAGER_NO_MAPPING (a reply
// without an item), so the kernel sends it to the faulting thread's exception handler; faults
// outside the managed range (image, stacks, heap) go to the fallback pager the task was
// started with. The region table is not locked: attach and detach a region while no thread
// faults in it.
import { call, getMR, makeTag, setBR, setMR, tagItems, receivedTag } from "@sawmill/kernel/assembly/user/ipc";
import { FAULT_WRITE, fpage, FPAGE_RIGHT_WRITE, LABEL_PAGE_FAULT, PAGE_BITS, RIGHTS_RW, UNMAP_SELF, unmap } from "@sawmill/kernel/assembly/user/memory";
import * as idl from "@sawmill/idl/assembly/runtime";
import { dataspaceClient, PAGE } from "./dataspace";
import { PAGER_NO_MAPPING, PagerServer, servePager } from "./pager-protocol";

export const RM_OK: u32 = 0;
/** attach: all MAX_REGIONS regions are in use. */
export const RM_FULL: u32 = 0x30;
/** attach: empty, unaligned or overlapping an attached region. */
export const RM_BAD_RANGE: u32 = 0x31;
/** detach: no region starts there. */
export const RM_NOT_ATTACHED: u32 = 0x32;
/** attach: the slot's manager does not bind (not a dataspace manager, or MAX_MANAGERS reached). */
export const RM_NO_MANAGER: u32 = 0x33;

export const MAX_REGIONS: u32 = 16;
/** Per region: start, size, manager slot, dataspace id, rights. */
const REGION_BYTES: u32 = 20;
const regions = memory.data(MAX_REGIONS * REGION_BYTES, 4);
let count: u32 = 0;

/**
 * Records that [start, start + size) shows dataspace `id` of the manager behind `slot` with
 * `rights`; binds the manager's client on first use (dataspace.ts). Nothing is mapped yet.
 */
export function attach(slot: u32, id: u32, start: u32, size: u32, rights: u32): u32 {
  if (((start | size) & (PAGE - 1)) != 0 || size == 0) return RM_BAD_RANGE;
  if (overlaps(start, size)) return RM_BAD_RANGE;
  if (count == MAX_REGIONS) return RM_FULL;
  if (dataspaceClient(slot) == null) return RM_NO_MANAGER;
  const at = region(count++);
  store<u32>(at, start);
  store<u32>(at, size, 4);
  store<u32>(at, slot, 8);
  store<u32>(at, id, 12);
  store<u32>(at, rights, 16);
  return RM_OK;
}

/** Forgets the region starting at `start` and unmaps its pages here (and what was derived from them). */
export function detach(start: u32): u32 {
  const index = find(start);
  if (index < 0 || regionStart(index) != start) return RM_NOT_ATTACHED;
  const size = regionSize(index);
  memory.copy(region(<u32>index), region(--count), REGION_BYTES); // the last region fills the gap
  unmapRange(start, size);
  return RM_OK;
}

/** How many regions are attached. */
export function regionCount(): u32 {
  return count;
}

/** The index of the region holding `address`, or -1. */
export function find(address: u32): i32 {
  for (let i: u32 = 0; i < count; i++) {
    if (address - regionStart(<i32>i) < regionSize(<i32>i)) return <i32>i;
  }
  return -1;
}

export function regionStart(index: i32): u32 {
  return load<u32>(region(<u32>index));
}

export function regionSize(index: i32): u32 {
  return load<u32>(region(<u32>index), 4);
}

/** The slot of the manager that serves the region's dataspace. */
export function regionManager(index: i32): u32 {
  return load<u32>(region(<u32>index), 8);
}

export function regionDataspace(index: i32): u32 {
  return load<u32>(region(<u32>index), 12);
}

/** FPAGE_RIGHT_READ, maybe with FPAGE_RIGHT_WRITE. */
export function regionRights(index: i32): u32 {
  return load<u32>(region(<u32>index), 16);
}

function region(index: u32): usize {
  return regions + index * REGION_BYTES;
}

function overlaps(start: u32, size: u32): bool {
  for (let i: u32 = 0; i < count; i++) {
    const other = regionStart(<i32>i);
    if (start < other + regionSize(<i32>i) && other < start + size) return true;
  }
  return false;
}

/** UNMAP_SELF over [start, start + size), in the largest aligned flexpages that fit. */
function unmapRange(start: u32, size: u32): void {
  const end = start + size;
  for (let at = start; at < end; ) {
    let bits = PAGE_BITS;
    while (bits < 30 && (at & ((2 << bits) - 1)) == 0 && at + (2 << bits) <= end) bits++;
    unmap(fpage(at, bits, RIGHTS_RW), UNMAP_SELF);
    at += 1 << bits;
  }
}

/**
 * Serves page faults arriving on `endpoint` with the generated Pager dispatch until the endpoint
 * becomes unusable (returns its error). Faults in [managedStart, managedEnd) are the regions';
 * others are passed to `fallback` (a pager endpoint slot; 0 = none).
 */
export function serveRegions(endpoint: u32, fallback: u32, managedStart: u32, managedEnd: u32): u32 {
  return servePager(endpoint, new RegionPager(fallback, managedStart, managedEnd));
}

/** The kernel's Pager protocol, answered from the region table. */
class RegionPager extends PagerServer {
  private fallback: u32;
  private managedStart: u32;
  private managedEnd: u32;

  constructor(fallback: u32, managedStart: u32, managedEnd: u32) {
    super();
    this.fallback = fallback;
    this.managedStart = managedStart;
    this.managedEnd = managedEnd;
  }

  pageFault(address: u32, eip: u32, access: u32): u32 {
    const index = find(address);
    if (index >= 0) return this.fromRegion(index, address & ~(PAGE - 1), access);
    const managed = address - this.managedStart < this.managedEnd - this.managedStart;
    if (managed || this.fallback == 0) return PAGER_NO_MAPPING;
    return this.fromFallback(address, eip, access);
  }

  /**
   * Asks the region's manager for the page and sends it on with the region's rights. The
   * manager's answer says where the page is: the window (`page`) when the manager is another
   * task, the manager's own page when it is colocated — the kernel maps it to the faulting page.
   */
  private fromRegion(index: i32, page: u32, access: u32): u32 {
    const rights = regionRights(index);
    if ((access & FAULT_WRITE) != 0 && (rights & FPAGE_RIGHT_WRITE) == 0) return PAGER_NO_MAPPING;
    const manager = dataspaceClient(regionManager(index))!; // bound by attach
    const offset = page - regionStart(index);
    const status = manager.map(regionDataspace(index), offset, rights, fpage(page, PAGE_BITS, RIGHTS_RW));
    if (status != idl.STATUS_OK) return PAGER_NO_MAPPING;
    return this.send(manager.result & ~(PAGE - 1), rights);
  }

  /**
   * Passes the fault on as the kernel's own message, not through a generated client: the
   * kernel's protocol has no bind (the kernel is its client), and no client binds to every
   * pager — root answers bind as RootTask, another region mapper as Pager. See the README.
   */
  private fromFallback(address: u32, eip: u32, access: u32): u32 {
    const page = address & ~(PAGE - 1);
    setBR(0, fpage(page, PAGE_BITS, RIGHTS_RW));
    setMR(0, address);
    setMR(1, eip);
    setMR(2, access);
    const error = call(this.fallback, makeTag(LABEL_PAGE_FAULT, 3, 0), 0);
    setBR(0, 0); // a stale window would accept the next mapping anyone sends
    if (error != 0 || tagItems(receivedTag()) == 0) return PAGER_NO_MAPPING;
    return this.send(page, getMR(1) & RIGHTS_RW);
  }

  /** The reply: a map item of the page this task has at `base`, for the faulting page. */
  private send(base: u32, rights: u32): u32 {
    this.item = idl.mapItem(base);
    this.result = fpage(base, PAGE_BITS, rights);
    return idl.STATUS_OK;
  }
}
