// Shared helpers for the AssemblyScript benchmark kernels (target code, compiled by asc).
// Mirrors common.h exactly: the same generator and the same digest give the same bytes and
// values on both sides, which is how the harness checks that both versions did the same work.

/** Fills `length` bytes at `ptr` from a 32-bit LCG (Numerical Recipes constants), top byte first. */
export function fillRandom(ptr: usize, length: usize, seed: u32): void {
  let state = seed;
  for (let i: usize = 0; i < length; i++) {
    state = state * 1664525 + 1013904223;
    store<u8>(ptr + i, <u8>(state >> 24));
  }
}

/** FNV-1a over `length` bytes: the unmeasured digest of a kernel's memory after the run. */
export function fnv1a(ptr: usize, length: usize): i32 {
  let hash: u32 = 2166136261;
  for (let i: usize = 0; i < length; i++) {
    hash = (hash ^ load<u8>(ptr + i)) * 16777619;
  }
  return <i32>hash;
}
