/**
 * Byte counts for people: `812 B`, `14.2 KiB`, `1.50 MiB`.
 *
 * Layer: CLI (host). Interface: `formatBytes(n)`.
 */

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(2)} MiB`;
}
