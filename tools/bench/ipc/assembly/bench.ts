// What the IPC benchmark's guests share: the client's measured loop and its markers, the
// server's loop. Layer: benchmark guests (ring 3, AssemblyScript).
//
// The client calls WARMUP times (page faults, first-time paths), then writes marker
// FIRST_MARKER + s before span s = 0 .. SPANS-1 and one after the last; every span is
// ROUND_TRIPS calls (reported to the host on the value port first). Each marker is `out 0x524, id` followed at once by the QEMU stamp
// (`rdtsc; out 0x52C, eax`). The client needs ports 0x520–0x52F; the server needs none.
import { outl, rdtsc } from "@sawmill/wasm-x86/assembly/x86";
import { call, makeTag, recv, replyRecv, setMR } from "@sawmill/kernel/assembly/user/ipc";
import { fpage, mapItem, PAGE_BITS, RIGHTS_RW } from "@sawmill/kernel/assembly/user/memory";

export const ROUND_TRIPS: u32 = 1000;
export const SPANS: u32 = 5;
export const WARMUP: u32 = 100;
export const FIRST_MARKER: u32 = 0x100;
/** A register-only request: label 1, four untyped words (MR0–MR3). */
export const REGISTER_TAG: u32 = makeTag(1, 4, 0);
/** A mapping request: label 2, one typed item (a MAP item of one page). */
export const MAP_TAG: u32 = makeTag(2, 0, 1);
export const DEBUG_PORTS: u32 = 0x520;
export const DEBUG_PORT_COUNT: u32 = 16;
/** Where the mapping server accepts mappings (BR0): a page in its wasm memory's address range. */
export const SERVER_WINDOW: u32 = 0x5080_0000;

export function marker(id: u32): void {
  outl(0x524, id);
  outl(0x52c, <u32>rdtsc());
}

/**
 * The measured client: `tag` calls through `slot`; with `page` ≠ 0 (a virtual address the
 * client has mapped) every call also carries a MAP item of that page. Returns the OR of all errors.
 */
export function measureCalls(slot: u32, tag: u32, page: u32): u32 {
  outl(0x528, ROUND_TRIPS); // tells the host the span length
  let errors: u32 = 0;
  for (let i: u32 = 0; i < WARMUP; i++) errors |= oneCall(slot, tag, page);
  for (let s: u32 = 0; s < SPANS; s++) {
    marker(FIRST_MARKER + s);
    for (let i: u32 = 0; i < ROUND_TRIPS; i++) errors |= oneCall(slot, tag, page);
  }
  marker(FIRST_MARKER + SPANS);
  return errors;
}

@inline function oneCall(slot: u32, tag: u32, page: u32): u32 {
  if (page != 0) {
    setMR(0, mapItem(page));
    setMR(1, fpage(page, PAGE_BITS, RIGHTS_RW));
  }
  return call(slot, tag, 0);
}

/** The server: answers every call on `slot` with its own words (4 register words) and label 1. */
export function serve(slot: u32): void {
  recv(slot, 0);
  while (true) replyRecv(slot, REGISTER_TAG, 0);
}
