import { describe, expect, it } from "vitest";
import { barMet, formatTable, ratioOf, toJson } from "./report.js";

describe("report", () => {
  it("computes ours / gcc to three decimals, or null when a side is missing", () => {
    expect(ratioOf(1500, 1000)).toBe(1.5);
    expect(ratioOf(2000, 3000)).toBe(0.667);
    expect(ratioOf(null, 1000)).toBeNull();
    expect(ratioOf(1000, null)).toBeNull();
  });

  it("marks the bar per kernel and names failures in the table", () => {
    const rows = [
      { kernel: "crc32", ours: 1500, gcc: 1000, ratio: 1.5 },
      { kernel: "sort", ours: 1600, gcc: 1000, ratio: 1.6 },
      {
        kernel: "lexer",
        ours: null,
        gcc: 900,
        ratio: null,
        error: "ours: unsupported opcode br_table\nmore",
      },
    ];
    expect(rows.map(barMet)).toEqual([true, false, false]);
    const lines = formatTable(rows).split("\n");
    expect(lines[2]).toMatch(/^crc32\s+1500\s+1000\s+1\.50\s+met$/);
    expect(lines[3]).toMatch(/^sort\s+1600\s+1000\s+1\.60\s+missed$/);
    expect(lines[4]).toMatch(/^lexer\s+—\s+900\s+—\s+FAILED: ours: unsupported opcode br_table$/);
  });

  it("writes the JSON list the results file holds", () => {
    const json = JSON.parse(toJson([{ kernel: "copy", ours: 10, gcc: 5, ratio: 2 }]));
    expect(json).toEqual([{ kernel: "copy", ours: 10, gcc: 5, ratio: 2 }]);
  });
});
