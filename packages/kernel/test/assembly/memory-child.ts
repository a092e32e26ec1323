// The child component of the memory boot tests: started by a root task (memory-*-root.ts) in a
// new task whose every page root's pager maps on demand. main(role, a, b, n): n is the child's
// badge; it reports to root through the capability root put in its slot 1.
import { call, makeTag, recv, send, setBR, setMR, timeouts } from "@sawmill/kernel/assembly/user/ipc";
import {
  fpage,
  grantItem,
  mapItem,
  PAGE_BITS,
  RIGHTS_RO,
  RIGHTS_RW,
  UNMAP_SELF,
  unmap,
} from "@sawmill/kernel/assembly/user/memory";
import { debugPrint, debugPutc } from "@sawmill/kernel/assembly/user/sys";
import {
  ROLE_KERNEL_WRITE,
  ROLE_MAP_MANY,
  ROLE_MAP_ON,
  ROLE_NO_PAGER,
  ROLE_READ_ONLY,
  ROLE_RECEIVE,
  ROLE_RECEIVE_MANY,
  ROLE_SURVIVOR,
  ROLE_TOUCH,
} from "./memory-roles";

const USER_MEMORY: u32 = 0x5000_0000;
const REPORT: u32 = 1;
const PAGE: u32 = 4096;
/** What root wrote into the pages of its 16 KiB flexpage (page i holds MARKER + i). */
const MARKER: u32 = 0x4a11_0000;

/** Reads the word at virtual address `va` (this code sees wasm addresses). */
function peek(va: u32): u32 {
  return load<u32>(va - USER_MEMORY);
}

function poke(va: u32, value: u32): void {
  store<u32>(va - USER_MEMORY, value);
}

function printHex(value: u32): void {
  debugPrint("0x");
  for (let shift: i32 = 28; shift >= 0; shift -= 4) {
    const digit = (value >> <u32>shift) & 0xf;
    debugPutc(digit < 10 ? 0x30 + digit : 0x57 + digit);
  }
}

/** Tells root `label` with one word; root's reply lets it go on. */
function report(label: u32, word: u32): void {
  setMR(0, word);
  call(REPORT, makeTag(label, 1, 0), 0);
}

/** Writes a word into each of `pages` pages from `va`, then reads them all back. */
function touch(va: u32, pages: u32): u32 {
  for (let i: u32 = 0; i < pages; i++) poke(va + i * PAGE, 0xa5a5_0000 + i);
  let good: u32 = 0;
  for (let i: u32 = 0; i < pages; i++) if (peek(va + i * PAGE) == 0xa5a5_0000 + i) good++;
  debugPrint(
    good == pages ? "child: wrote and read back every page\n" : "child: pages lost their contents\n",
  );
  return good;
}

/** Reads root's page at `va`, then maps it on to the receiving child through `channel`. */
function mapOn(va: u32, channel: u32): void {
  debugPrint("A: root's page says ");
  printHex(peek(va));
  debugPrint("\n");
  setMR(0, mapItem(va));
  setMR(1, fpage(va, PAGE_BITS, RIGHTS_RO));
  send(channel, makeTag(2, 0, 1), 0);
  debugPrint("A: mapped it on; reading it again\n");
  debugPrint(peek(va) == 0 ? "A: zero?\n" : "A: still readable (unexpected)\n");
}

/** Accepts one page from A into `va`, reads it, lets root unmap, reads again. */
function receive(va: u32, channel: u32): void {
  setBR(0, fpage(va, PAGE_BITS, 0));
  recv(channel, 0);
  debugPrint("B: the page A mapped says ");
  printHex(peek(va));
  debugPrint("\n");
  report(3, peek(va));
  debugPrint("B: reading it after root's unmap\n");
  printHex(peek(va));
  debugPrint(" B: still readable (unexpected)\n");
}

/** Whether the `pages` pages from `va` hold MARKER + their index (root's 16 KiB flexpage). */
function holdsMarkers(va: u32, pages: u32): bool {
  for (let i: u32 = 0; i < pages; i++) if (peek(va + i * PAGE) != MARKER + i) return false;
  return true;
}

/** Maps four pages root gave it to B in one item, then grants B its second page, and its fourth read-only. */
function mapMany(va: u32, channel: u32): void {
  debugPrint(holdsMarkers(va, 4) ? "A: root's 16 KiB flexpage arrived page by page\n" : "A: wrong pages\n");
  setMR(0, mapItem(va));
  setMR(1, fpage(va, PAGE_BITS + 2, RIGHTS_RW));
  send(channel, makeTag(2, 0, 1), 0);
  setMR(0, grantItem(va + PAGE));
  setMR(1, fpage(va + PAGE, PAGE_BITS, RIGHTS_RW));
  send(channel, makeTag(3, 0, 1), 0);
  setMR(0, grantItem(va + 3 * PAGE));
  setMR(1, fpage(va + 3 * PAGE, PAGE_BITS, RIGHTS_RO));
  send(channel, makeTag(3, 0, 1), 0);
  debugPrint("A: granted its second page; touching it\n");
  printHex(peek(va + PAGE));
  debugPrint(" A: still has the granted page (unexpected)\n");
}

/**
 * Takes A's four pages into a 32 KiB window, then the granted page, and writes through it; after
 * A grants its fourth page read-only, B's mapping derived from that page is read-only too (root
 * sees the write fault). After A has been ended, the granted page is still B's but what A mapped
 * to B is gone.
 */
function receiveMany(window: u32, channel: u32): void {
  setBR(0, fpage(window, PAGE_BITS + 3, 0));
  recv(channel, 0);
  debugPrint(
    holdsMarkers(window, 4) ? "B: 16 KiB landed at the start of my 32 KiB window\n" : "B: wrong placement\n",
  );
  const granted = window + 8 * PAGE;
  setBR(0, fpage(granted, PAGE_BITS, 0));
  recv(channel, 0);
  debugPrint("B: the granted page says ");
  printHex(peek(granted));
  debugPrint("\n");
  poke(granted, 0x600d);
  poke(window + 3 * PAGE, 0x1111); // still writable: derived from A's writable page
  setBR(0, fpage(window + 9 * PAGE, PAGE_BITS, 0));
  recv(channel, 0);
  debugPrint("B: A granted its fourth page read-only; writing through my mapping derived from it\n");
  poke(window + 3 * PAGE, 0x3333);
  report(6, peek(window + PAGE));
  recv(channel, timeouts(0, 5)); // nobody sends: a pause in which A runs and is ended
  debugPrint("B: after A's end the granted page still says ");
  printHex(peek(granted));
  debugPrint("\nB: reading a page A had mapped to me\n");
  printHex(peek(window + 2 * PAGE));
  debugPrint(" B: still readable (unexpected)\n");
}

export function main(role: u32, a: u32, b: u32, n: u32): u32 {
  switch (role) {
    case ROLE_TOUCH:
      report(1, touch(a, b));
      break;
    case ROLE_MAP_ON:
      mapOn(a, b);
      break;
    case ROLE_RECEIVE:
      receive(a, b);
      break;
    case ROLE_MAP_MANY:
      mapMany(a, b);
      break;
    case ROLE_RECEIVE_MANY:
      receiveMany(a, b);
      break;
    case ROLE_KERNEL_WRITE:
      debugPrint("C: writing to kernel memory\n");
      store<u32>(a - USER_MEMORY, 0xbad);
      debugPrint("C: wrote to kernel memory (unexpected)\n");
      break;
    case ROLE_READ_ONLY:
      debugPrint("D: read-only page says ");
      printHex(peek(a));
      debugPrint("; writing to it\n");
      poke(a, 0xbad);
      debugPrint("D: wrote to a read-only page (unexpected)\n");
      break;
    case ROLE_NO_PAGER:
      debugPrint("E: asking root to take my pager away, then writing to an unmapped page\n");
      report(4, 0);
      poke(a, 0xbad);
      debugPrint("E: wrote to an unmapped page (unexpected)\n");
      break;
    case ROLE_SURVIVOR:
      debugPrint("F: still running after the others were stopped; my page at the address of D's says ");
      printHex(peek(a));
      debugPrint("\n");
      unmap(fpage(a, PAGE_BITS, RIGHTS_RW), UNMAP_SELF);
      report(5, peek(a)); // faults again: the page is gone from F's own space
      break;
  }
  return 0;
}
