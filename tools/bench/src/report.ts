/**
 * The benchmark's outcome per kernel, as a printed table and as the JSON record.
 *
 * Layer: benchmark reporting. Interface: `ratioOf`, `formatTable(rows)`, `toJson(rows)`.
 * ratio = ours / gcc (executed instructions, lower is better); the bar is RATIO_BAR.
 * A kernel whose version failed to build or run, or computed a different result, has no ratio
 * and carries the reason in `error`.
 */

export const RATIO_BAR = 1.5;

export interface KernelReport {
  readonly kernel: string;
  readonly ours: number | null;
  readonly gcc: number | null;
  readonly ratio: number | null;
  readonly error?: string;
}

export function ratioOf(ours: number | null, gcc: number | null): number | null {
  if (ours === null || gcc === null || gcc === 0) return null;
  return Math.round((ours / gcc) * 1000) / 1000;
}

export function barMet(row: KernelReport): boolean {
  return row.ratio !== null && row.ratio <= RATIO_BAR;
}

export function formatTable(rows: readonly KernelReport[]): string {
  const header = ["kernel", "ours", "gcc -O2", "ratio", `bar ≤ ${RATIO_BAR}`];
  const body = rows.map((row) => [
    row.kernel,
    row.ours === null ? "—" : String(row.ours),
    row.gcc === null ? "—" : String(row.gcc),
    row.ratio === null ? "—" : row.ratio.toFixed(2),
    row.error !== undefined ? `FAILED: ${firstLine(row.error)}` : barMet(row) ? "met" : "missed",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  // Name left-aligned, figures right-aligned, the verdict last and unpadded.
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : i === 4 ? cell : cell.padStart(widths[i]!)))
      .join("  ");
  return [
    line(header),
    line(widths.map((w, i) => "-".repeat(i === 4 ? header[4]!.length : w))),
    ...body.map(line),
  ].join("\n");
}

export function toJson(rows: readonly KernelReport[]): string {
  return `${JSON.stringify(rows, null, 2)}\n`;
}

function firstLine(text: string): string {
  const line = text.split("\n")[0]!;
  return line.length > 100 ? `${line.slice(0, 97)}...` : line;
}
