import { describe, expect, it } from "vitest";
import { createProgress } from "../src/progress.js";
import { formatBytes } from "../src/sizes.js";
import { formatTable } from "../src/table.js";
import { memoryIo } from "./memory-io.js";

describe("formatTable", () => {
  it("pads columns to the widest cell and right-aligns numbers", () => {
    const table = formatTable(
      [{ title: "task" }, { title: "bytes", align: "right" }],
      [
        ["console", "12345"],
        ["uart", "7"],
      ],
    );
    expect(table).toBe("task     bytes\nconsole  12345\nuart         7");
  });
});

describe("formatBytes", () => {
  it("uses B, KiB and MiB", () => {
    expect([formatBytes(812), formatBytes(14_540), formatBytes(3 * 1024 * 1024)]).toEqual([
      "812 B",
      "14.2 KiB",
      "3.00 MiB",
    ]);
  });
});

describe("createProgress", () => {
  it("writes one plain line per stage when stderr is not a terminal", () => {
    const io = memoryIo();
    const progress = createProgress(io.stderr);
    progress.stage("compiling console");
    progress.stage("linking");
    progress.done();
    expect(io.err()).toBe("sawmill: compiling console\nsawmill: linking\n");
  });

  it("rewrites one status line on a terminal and erases it at the end", () => {
    const io = memoryIo();
    const stream = Object.assign(io.stderr, { isTTY: true, columns: 40 });
    const progress = createProgress(stream);
    progress.stage("compiling console");
    progress.done();
    expect(io.err()).toBe("\r\x1b[Ksawmill: compiling console\r\x1b[K");
  });

  it("prints nothing when quiet", () => {
    const io = memoryIo();
    createProgress(io.stderr, { quiet: true }).stage("linking");
    expect(io.err()).toBe("");
  });
});
