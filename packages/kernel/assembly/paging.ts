// Two-level IA-32 paging: the kernel's identity map and per-task user mappings.
// Layer: kernel memory (AssemblyScript).
//
// Interface: pagingInit(ramTop) builds the kernel page tables and turns paging on;
// newDirectory() → a page directory sharing the kernel's tables; mapPage / unmapPage /
// lookupPage / restrictPage / pageTableOf / pagesToSkip on a directory; releaseDirectory(directory) frees
// its user page tables. User mappings other than the kernel's own (root's memory at boot) are
// made through the mapping database (mapdb.ts), which calls these.
// Invariants: directory entries below USER_BASE point to the kernel's shared tables and are the
// same in every directory (supervisor only, so ring 3 cannot touch kernel memory); page 0 is
// never mapped (null pointers fault); user tables are private to one directory.

import { ADDRESS_USER_BASE } from "./generated/layout";
import { allocFrame, freeFrame, PAGE_SIZE } from "./frames";
import { invlpg, readCr0, readCr3, writeCr0, writeCr3 } from "@sawmill/wasm-x86/assembly/x86";

export const PTE_PRESENT: u32 = 0x1;
export const PTE_WRITABLE: u32 = 0x2;
export const PTE_USER: u32 = 0x4;
const FRAME_MASK: u32 = 0xffff_f000;
const KERNEL_ENTRIES: u32 = ADDRESS_USER_BASE >> 22;
const CR0_PAGING: u32 = 0x8000_0000;
const CR0_WRITE_PROTECT: u32 = 0x0001_0000;

let kernelDirectory: u32 = 0;

export function pagingInit(ramTop: u32): bool {
  kernelDirectory = allocFrame();
  if (kernelDirectory == 0) return false;
  const limit = ramTop < ADDRESS_USER_BASE ? ramTop : ADDRESS_USER_BASE;
  for (let address: u32 = 0; address < limit; address += PAGE_SIZE << 10) {
    const table = allocFrame();
    if (table == 0) return false;
    for (let i: u32 = 0; i < 1024; i++) {
      const page = address + i * PAGE_SIZE;
      if (page != 0 && page < limit) store<u32>(table + i * 4, page | PTE_PRESENT | PTE_WRITABLE);
    }
    store<u32>(kernelDirectory + (address >> 22) * 4, table | PTE_PRESENT | PTE_WRITABLE);
  }
  writeCr3(kernelDirectory);
  writeCr0(readCr0() | CR0_PAGING | CR0_WRITE_PROTECT);
  return true;
}

/** A new directory with the kernel half shared; 0 if out of memory. */
export function newDirectory(): u32 {
  const directory = allocFrame();
  if (directory != 0) memory.copy(directory, kernelDirectory, KERNEL_ENTRIES * 4);
  return directory;
}

export function isUserAddress(address: u32): bool {
  return address >= ADDRESS_USER_BASE;
}

/** Maps the page at `virtual` (user half) to `frame`; false if a page table cannot be allocated. */
export function mapPage(directory: u32, virtual: u32, frame: u32, writable: bool): bool {
  const entry = directory + (virtual >> 22) * 4;
  let table = load<u32>(entry) & FRAME_MASK;
  if (table == 0) {
    table = allocFrame();
    if (table == 0) return false;
    store<u32>(entry, table | PTE_PRESENT | PTE_WRITABLE | PTE_USER);
  }
  const rights = writable ? PTE_PRESENT | PTE_USER | PTE_WRITABLE : PTE_PRESENT | PTE_USER;
  store<u32>(table + ((virtual >> 12) & 0x3ff) * 4, (frame & FRAME_MASK) | rights);
  flush(directory, virtual);
  return true;
}

/** The page-table entry for `virtual`, or 0 if none. */
export function lookupPage(directory: u32, virtual: u32): u32 {
  const table = pageTableOf(directory, virtual);
  if (table == 0) return 0;
  return load<u32>(table + ((virtual >> 12) & 0x3ff) * 4);
}

/** Removes the mapping of `virtual`; returns the entry it had (0 if none). */
export function unmapPage(directory: u32, virtual: u32): u32 {
  const table = pageTableOf(directory, virtual);
  if (table == 0) return 0;
  const slot = table + ((virtual >> 12) & 0x3ff) * 4;
  const old = load<u32>(slot);
  store<u32>(slot, 0);
  flush(directory, virtual);
  return old;
}

/** Takes away the write right of the mapping of `virtual`, if there is one. */
export function restrictPage(directory: u32, virtual: u32): void {
  const table = pageTableOf(directory, virtual);
  if (table == 0) return;
  const slot = table + ((virtual >> 12) & 0x3ff) * 4;
  store<u32>(slot, load<u32>(slot) & ~PTE_WRITABLE);
  flush(directory, virtual);
}

/** The page table covering `virtual`'s 4 MiB region, or 0 if there is none. */
export function pageTableOf(directory: u32, virtual: u32): u32 {
  return load<u32>(directory + (virtual >> 22) * 4) & FRAME_MASK;
}

/**
 * How many pages from `virtual` on a walk over user mappings can skip: those below USER_BASE,
 * or the rest of a 4 MiB region without a page table; 0 when `virtual` must be looked at.
 */
export function pagesToSkip(directory: u32, virtual: u32): u32 {
  if (!isUserAddress(virtual)) return (ADDRESS_USER_BASE - virtual) >> 12;
  if (pageTableOf(directory, virtual) != 0) return 0;
  return 1024 - ((virtual >> 12) & 0x3ff);
}

/** Frees the user half's page tables (not the frames they map) and the directory. */
export function releaseDirectory(directory: u32): void {
  for (let i = KERNEL_ENTRIES; i < 1024; i++) {
    const table = load<u32>(directory + i * 4) & FRAME_MASK;
    if (table != 0) freeFrame(table);
  }
  freeFrame(directory);
}

export function frameOf(entry: u32): u32 {
  return entry & FRAME_MASK;
}

function flush(directory: u32, virtual: u32): void {
  if (readCr3() == directory) invlpg(virtual);
}
