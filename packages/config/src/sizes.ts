/**
 * Memory sizes as written in configurations ("64KiB", "2 MiB") and their page counts.
 *
 * Layer: configurator (host). Interface: `PAGE_SIZE`, `sizeInBytes`, `sizeInPages`.
 * Invariant: inputs already match the schema's size pattern.
 */

export const PAGE_SIZE = 4096;

const UNIT: Record<string, number> = { KiB: 1024, MiB: 1024 * 1024 };

export function sizeInBytes(size: string): number {
  const match = /^([0-9]+) ?(KiB|MiB)$/.exec(size);
  if (!match) throw new RangeError(`not a size: ${size}`);
  return Number(match[1]) * UNIT[match[2]];
}

/** Whole pages, or undefined when the size is not a multiple of 4 KiB. */
export function sizeInPages(size: string): number | undefined {
  const bytes = sizeInBytes(size);
  return bytes % PAGE_SIZE === 0 ? bytes / PAGE_SIZE : undefined;
}
