import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COMPONENT_BASE, link, MULTIBOOT_MAGIC, writeComponentElf } from "../src/index.js";
import { global, makeObject, readU32 } from "./make-object.js";
import { programHeaders } from "./program-headers.js";

const image = link(
  [
    makeObject({
      text: [0x90, 0xcd, 0x30, 0xeb, 0xfe],
      rodata: [1, 2, 3],
      data: [4, 5],
      bss: 0x2000,
      symbols: [global("start", "text", 1)],
    }),
  ],
  { base: COMPONENT_BASE, entry: "start" },
);

describe("writeComponentElf", () => {
  const file = writeComponentElf(image);

  it("writes an ELF32 i386 executable with the component's entry", () => {
    expect(Array.from(file.subarray(0, 7))).toEqual([0x7f, 0x45, 0x4c, 0x46, 1, 1, 1]);
    expect(readU32(file, 24)).toBe(0x40000001);
  });

  it("has one PT_LOAD per segment at page-aligned file offsets", () => {
    const headers = programHeaders(file);
    expect(headers.map((h) => [h.type, h.vaddr, h.paddr, h.filesz, h.memsz, h.flags, h.align])).toEqual([
      [1, 0x40000000, 0x40000000, 5, 5, 5, 4096],
      [1, 0x40001000, 0x40001000, 3, 3, 4, 4096],
      [1, 0x40002000, 0x40002000, 2, 0x2002, 6, 4096],
    ]);
    headers.forEach((header, i) => {
      expect(header.offset % 4096).toBe(0);
      expect(file.subarray(header.offset, header.offset + header.filesz)).toEqual(image.segments[i].bytes);
    });
  });

  it("carries no multiboot header", () => {
    for (let offset = 0; offset + 4 <= Math.min(file.length, 8192); offset += 4) {
      expect(readU32(file, offset)).not.toBe(MULTIBOOT_MAGIC);
    }
  });

  it("is deterministic and read back by binutils", () => {
    expect(writeComponentElf(image)).toEqual(file);
    const dir = mkdtempSync(join(tmpdir(), "sawmill-component-"));
    try {
      const path = join(dir, "component.elf");
      writeFileSync(path, file);
      const output = execFileSync("readelf", ["-hlW", path], { encoding: "utf8" });
      expect(output).toMatch(/Type:\s+EXEC/);
      expect(output).toMatch(/Entry point address:\s+0x40000001/);
      expect(output.split("\n").filter((line) => line.trim().startsWith("LOAD"))).toHaveLength(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
