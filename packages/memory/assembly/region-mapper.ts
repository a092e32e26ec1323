// The region mapper (the paper's §3): a library linked into a client task. attach() records
// which dataspace backs a region of the task's address space; serveRegions() runs in a thread
// of the task that is the pager of the task's other threads and resolves their page faults by
// asking the region's dataspace manager for the page and forwarding the mapping it received.
// Layer: user level, client side of the dataspace protocol. Invariants: regions are page
// aligned and do not overlap; a fault inside the managed range that no region covers, or a
// write to a read-only region, gets an empty reply, so the kernel sends it to the faulting
// thread's exception handler; faults outside the managed range (image, stacks, heap) go to the
// fallback pager the task was started with.
import { call, getMR, makeTag, recv, replyRecv, setBR, setMR, tagItems, receivedTag } from "@sawmill/kernel/assembly/user/ipc";
import { FAULT_WRITE, fpage, LABEL_PAGE_FAULT, mapItem, PAGE_BITS, RIGHTS_RW } from "@sawmill/kernel/assembly/user/memory";
import { DS_OK, dsMap, PAGE } from "./dataspace";

const MAX_REGIONS: u32 = 16;
/** Per region: start, size, manager slot, dataspace id, rights. */
const REGION_BYTES: u32 = 20;
const regions = memory.data(MAX_REGIONS * REGION_BYTES, 4);
let count: u32 = 0;

/** Records that [start, start + size) shows dataspace `id` of the manager behind `slot`; false if full or bad. */
export function attach(slot: u32, id: u32, start: u32, size: u32, rights: u32): bool {
  if (count == MAX_REGIONS || ((start | size) & (PAGE - 1)) != 0 || size == 0) return false;
  if (find(start) >= 0 || find(start + size - 1) >= 0) return false;
  const at = regions + count++ * REGION_BYTES;
  store<u32>(at, start);
  store<u32>(at, size, 4);
  store<u32>(at, slot, 8);
  store<u32>(at, id, 12);
  store<u32>(at, rights, 16);
  return true;
}

/** The index of the region holding `address`, or -1. */
function find(address: u32): i32 {
  for (let i: u32 = 0; i < count; i++) {
    const at = regions + i * REGION_BYTES;
    if (address - load<u32>(at) < load<u32>(at, 4)) return <i32>i;
  }
  return -1;
}

/**
 * Serves page faults arriving on `endpoint` forever. Faults in [managedStart, managedEnd) are
 * the regions'; others are passed to `fallback` (a pager endpoint slot; 0 = none).
 */
export function serveRegions(endpoint: u32, fallback: u32, managedStart: u32, managedEnd: u32): void {
  recv(endpoint, 0);
  while (true) {
    let reply = makeTag(0, 0, 0);
    if ((receivedTag() & 0xffff) == LABEL_PAGE_FAULT)
      reply = resolve(getMR(0), getMR(1), getMR(2), fallback, managedStart, managedEnd);
    replyRecv(endpoint, reply, 0);
  }
}

function resolve(address: u32, eip: u32, bits: u32, fallback: u32, from: u32, to: u32): u32 {
  const page = address & ~(PAGE - 1);
  const index = find(address);
  if (index >= 0) return fromRegion(<u32>regions + <u32>index * REGION_BYTES, page, bits);
  if (address - from < to - from || fallback == 0) return makeTag(0, 0, 0);
  return fromFallback(fallback, address, eip, bits, page);
}

/** Asks the region's manager for the page; forwards it with the region's rights. */
function fromRegion(region: u32, page: u32, bits: u32): u32 {
  const rights = load<u32>(region, 16);
  if ((bits & FAULT_WRITE) != 0 && (rights & 2) == 0) return makeTag(0, 0, 0);
  const offset = page - load<u32>(region);
  if (dsMap(load<u32>(region, 8), load<u32>(region, 12), offset, rights, page) != DS_OK) return makeTag(0, 0, 0);
  return forward(page, rights);
}

/** Passes the fault on to the task's original pager as the kernel would have. */
function fromFallback(fallback: u32, address: u32, eip: u32, bits: u32, page: u32): u32 {
  setBR(0, fpage(page, PAGE_BITS, RIGHTS_RW));
  setMR(0, address);
  setMR(1, eip);
  setMR(2, bits);
  const error = call(fallback, makeTag(LABEL_PAGE_FAULT, 3, 0), 0);
  setBR(0, 0);
  if (error != 0 || tagItems(receivedTag()) == 0) return makeTag(0, 0, 0);
  return forward(page, getMR(1) & RIGHTS_RW);
}

/** The reply handing the faulting thread the page this thread now has at `page`. */
function forward(page: u32, rights: u32): u32 {
  setMR(0, mapItem(page));
  setMR(1, fpage(page, PAGE_BITS, rights));
  return makeTag(0, 0, 1);
}
