// The robustness test's fuzzer (test/robustness.test.ts), a child task of robust-root.ts:
// main(seed, calls, b, n) makes `calls` system calls with random numbers and random contents in
// every ABI register (and random message registers, typed items and buffer registers in its
// UTCB), then prints how many succeeded per system call and reports to root through its copy
// of slot 1: MR0 = DONE_MAGIC, MR1 = calls made, MR2 = how many returned OK.
//
// What it holds (robust-root.ts gives it): 1 its pager endpoint (send, badged: reports),
// 2 a factory, 3 the server's endpoint (send + grant), 4 an IRQ capability for lines 0 (the timer), 3, 5, 7, 9–11 and 15,
// 5 an IO_PORTS capability for 0x1000–0x10FF; it keeps copies and puts them back every 64
// calls, so random CAP_DELETEs do not end the interesting part early. Whatever it creates lands
// in random slots.
// Limits, so that the run ends and stays readable: no EXIT (17), DEBUG_EXIT (18) or DEBUG_PUTC
// (6); labels stay below 0xF000 (the kernel's own); a timeout half is "do not block" or 1–3
// ticks, never "forever" (nobody else receives on what it creates).
import { call, makeTag, setBR, setMR } from "@sawmill/kernel/assembly/user/ipc";
import { syscallRaw } from "@sawmill/kernel/assembly/user/devices";
import { capCopy, ERROR_OK } from "@sawmill/kernel/assembly/user/objects";
import { debugPrint, debugPutc } from "@sawmill/kernel/assembly/user/sys";
import { DONE_MAGIC, LABEL_DONE } from "./robust-protocol";

const REPORT: u32 = 1;
const GIVEN: u32 = 5;
/** Copies of slots 1–5 at 201–205, out of the range random slots mostly hit. */
const BACKUP: u32 = 200;
const NEVER_BLOCK: u32 = 0xffff;
const KERNEL_LABELS: u32 = 0xf000;

const INTERESTING: StaticArray<u32> = [
  0, 1, 2, 0xffff_ffff, 0x8000_0000, 0x7fff_ffff, 0x0010_0000, 0x0040_0000, 0x4000_0000, 0x4000_1000,
  0x5000_0000, 0x5010_0000, 0xbfff_f000, 0xbfff_fffc, 0xc000_0000, 0xffff, 0x1_0000, 0x1000, 0xfff,
];

let state: u32 = 1;
let lastNumber: u32 = 0;
/** Calls that returned OK, per system-call number 0–18 (larger numbers never succeed). */
const succeeded = memory.data(19 * 4);

/** A Weyl sequence through murmur3's finalizer: every bit of every output is well mixed. */
function random(): u32 {
  state += 0x9e37_79b9;
  let z = state;
  z = (z ^ (z >> 16)) * 0x85eb_ca6b;
  z = (z ^ (z >> 13)) * 0xc2b2_ae35;
  return z ^ (z >> 16);
}

/** A register value: fully random, small, or one of the addresses and limits kernels trip on. */
function word(): u32 {
  const kind = random() % 10;
  if (kind < 3) return random();
  if (kind < 8) return random() & 15;
  return INTERESTING[random() % <u32>INTERESTING.length];
}

/** Structured calls draw from these (CAP_DELETE rarer, so created objects live to be used). */
const STRUCTURED: StaticArray<u32> = [1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 12, 13, 14, 15, 16];
const IOPORT_GRANT: u32 = 15;
const THREAD_CREATE: u32 = 11;
const CAP_DELETE: u32 = 9;

/** A word meant as a slot, line, operation or count most of the time. */
function argument(): u32 {
  return (random() & 3) != 0 ? random() & 15 : word();
}

/**
 * A system call whose slot and arguments are mostly plausible, to get past the first checks:
 * ports inside the fuzzer's range for IOPORT_GRANT, user addresses for THREAD_CREATE; its
 * CAP_DELETEs spare slots 1–5.
 */
function structuredCall(): u32 {
  const n = STRUCTURED[random() % <u32>STRUCTURED.length];
  lastNumber = n;
  const slot = n == CAP_DELETE ? 1 + GIVEN + (random() % (15 - GIVEN)) : 1 + (random() % 15);
  const eax = n | (slot << 8);
  const create = n == THREAD_CREATE;
  const mr1 = n == IOPORT_GRANT ? 0x1000 + (random() & 0xff) : create ? userAddress() : argument();
  const mr2 = create ? userAddress() : argument();
  const mr3 = create ? userAddress() & ~511 : argument();
  return syscallRaw(eax, tag(), argument(), mr1, mr2, mr3, timeouts());
}

function userAddress(): u32 {
  return 0x4000_0000 + (random() % 0xc000_0000);
}

/** A system call with random number, slot and registers. */
function randomCall(): u32 {
  lastNumber = number();
  const eax = lastNumber | (slot() << 8);
  return syscallRaw(eax, tag(), word(), word(), word(), word(), timeouts());
}

function number(): u32 {
  let n = (random() & 3) == 0 ? random() & 0xff : 1 + (random() % 16);
  if (n == 6 || n == 17 || n == 18) n = 5;
  return n;
}

function slot(): u32 {
  return (random() & 7) == 0 ? random() >> 8 : random() & 15;
}

function tag(): u32 {
  const t = word();
  return (t & 0xffff) >= KERNEL_LABELS ? t ^ 0x8000 : t;
}

function timeouts(): u32 {
  return timeoutHalf() | (timeoutHalf() << 16);
}

function timeoutHalf(): u32 {
  const t = random() & 0xffff;
  if (t == 0 || (t & 3) == 0) return NEVER_BLOCK;
  return 1 + (t % 3);
}

/** Puts back what random CAP_DELETEs took of slots 1–5 (a copy into a full slot just fails). */
function restore(): void {
  for (let k: u32 = 1; k <= GIVEN; k++) capCopy(BACKUP + k, 0, k, 0, 0xffff);
}

/** Random message registers, typed items and receive buffers in the UTCB. */
function scribble(): void {
  for (let i: u32 = 0; i < 64; i++) setMR(i, word());
  setBR(0, word());
  setBR(1, word());
}

function printDec(value: u32): void {
  if (value >= 10) printDec(value / 10);
  debugPutc(0x30 + (value % 10));
}

function printSucceeded(): void {
  debugPrint("fuzzer: OK per system call:");
  for (let n: u32 = 1; n < 19; n++) {
    debugPutc(0x20);
    printDec(n);
    debugPutc(0x3d);
    printDec(load<u32>(succeeded + n * 4));
  }
  debugPutc(0x0a);
}

export function main(seed: u32, calls: u32, b: u32, n: u32): u32 {
  state = seed;
  for (let k: u32 = 1; k <= GIVEN; k++) capCopy(k, 0, BACKUP + k, 0, 0xffff);
  let ok: u32 = 0;
  for (let i: u32 = 0; i < calls; i++) {
    if ((i & 15) == 0) scribble();
    if ((i & 63) == 0) restore();
    const structured = (random() & 1) == 0;
    if ((structured ? structuredCall() : randomCall()) != ERROR_OK) continue;
    ok++;
    if (lastNumber < 19) store<u32>(succeeded + lastNumber * 4, load<u32>(succeeded + lastNumber * 4) + 1);
  }
  printSucceeded();
  setBR(0, 0);
  setBR(1, 0);
  setMR(0, DONE_MAGIC);
  setMR(1, calls);
  setMR(2, ok);
  call(BACKUP + REPORT, makeTag(LABEL_DONE, 3, 0), 0);
  return 0;
}
