/**
 * The linker's output: loadable segments at absolute addresses, the entry point and the
 * global symbol table.
 *
 * Layer: toolchain data. Produced by `link`, consumed by `writeMultibootElf` (and later by
 * disk-image writers).
 *
 * Invariants:
 * - Segments do not overlap: [address, address + memSize) ranges are disjoint.
 * - bytes.length <= memSize; the bytes past bytes.length are zero when loaded (bss).
 * - Segments are sorted by address.
 */

export interface Segment {
  /** Physical (= virtual) address of the first byte. */
  readonly address: number;
  /** File contents, loaded at `address`. */
  readonly bytes: Uint8Array;
  /** Size in memory; the tail past `bytes.length` is zero-filled. */
  readonly memSize: number;
  readonly writable: boolean;
  readonly executable: boolean;
}

export interface LinkedImage {
  /** Address of the entry symbol. */
  readonly entry: number;
  readonly segments: readonly Segment[];
  /** Final addresses of all global symbols and of the `defines`. */
  readonly symbols: Map<string, number>;
}
