// Flexpages: naturally aligned regions of an address space with rights, in one word.
// Layer: kernel memory (AssemblyScript).
//
// Encoding (src/abi.ts Fpage, README "Memory"): bits 12–31 base, bits 4–9 log2 size, bits 0–3
// rights (READ 4, WRITE 2; write implies read on IA-32). Size 0 is the nil flexpage. Interface:
// fpageValid(word) (nil or size 12–32 with an aligned base), fpageSize, fpageBase, fpageBytes,
// fpageGrantsAccess, fpageWritable, pageFpage(address).

import {
  FPAGE_BASE_MASK,
  FPAGE_MIN_SIZE,
  FPAGE_RIGHT_READ,
  FPAGE_RIGHT_WRITE,
  FPAGE_SIZE_MASK,
  FPAGE_SIZE_SHIFT,
} from "./generated/layout";

const MAX_SIZE: u32 = 32;

/** log2 of the flexpage's size in bytes; 0 for the nil flexpage. */
export function fpageSize(fpage: u32): u32 {
  return (fpage >> FPAGE_SIZE_SHIFT) & FPAGE_SIZE_MASK;
}

export function fpageBase(fpage: u32): u32 {
  return fpage & FPAGE_BASE_MASK;
}

/** Size in bytes (a u64: a 2^32 flexpage is the whole address space). */
export function fpageBytes(fpage: u32): u64 {
  return (<u64>1) << fpageSize(fpage);
}

export function fpageIsNil(fpage: u32): bool {
  return fpageSize(fpage) == 0;
}

/** Nil, or a size from a page to the whole space with a base aligned to that size. */
export function fpageValid(fpage: u32): bool {
  const size = fpageSize(fpage);
  if (size == 0) return true;
  if (size < FPAGE_MIN_SIZE || size > MAX_SIZE) return false;
  return (<u64>fpageBase(fpage) & (fpageBytes(fpage) - 1)) == 0;
}

/** Whether the flexpage carries any access at all (read, or write which implies read). */
export function fpageGrantsAccess(fpage: u32): bool {
  return (fpage & (FPAGE_RIGHT_READ | FPAGE_RIGHT_WRITE)) != 0;
}

export function fpageWritable(fpage: u32): bool {
  return (fpage & FPAGE_RIGHT_WRITE) != 0;
}

/** The one-page read-write flexpage containing `address`. */
export function pageFpage(address: u32): u32 {
  return (
    (address & FPAGE_BASE_MASK) | (FPAGE_MIN_SIZE << FPAGE_SIZE_SHIFT) | FPAGE_RIGHT_READ | FPAGE_RIGHT_WRITE
  );
}
