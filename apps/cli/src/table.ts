/**
 * Plain-text tables for `sawmill inspect`.
 *
 * Layer: CLI (host). Interface: `formatTable(columns, rows)`.
 * Columns are padded to their widest cell; numbers are right-aligned so digits line up.
 */

export interface Column {
  readonly title: string;
  readonly align?: "left" | "right";
}

export function formatTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((c, i) => Math.max(c.title.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    columns
      .map((c, i) => pad(cells[i] ?? "", widths[i], c.align ?? "left"))
      .join("  ")
      .trimEnd();
  return [line(columns.map((c) => c.title)), ...rows.map(line)].join("\n");
}

function pad(text: string, width: number, align: "left" | "right"): string {
  return align === "right" ? text.padStart(width) : text.padEnd(width);
}
