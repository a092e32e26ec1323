import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type LinkedImage, link, MULTIBOOT_MAGIC, writeMultibootElf } from "../src/index.js";
import { global, makeObject, readU32 } from "./make-object.js";
import { programHeaders } from "./program-headers.js";

const image: LinkedImage = link(
  [
    makeObject({
      text: [0xfa, 0xf4, 0xeb, 0xfd], // cli; hlt; jmp $-1
      rodata: [1, 2, 3],
      data: [4, 5],
      bss: 0x3000,
      symbols: [global("start", "text", 1)],
      placed: [{ address: 0x800010, bytes: Uint8Array.of(0xaa, 0xbb) }],
    }),
  ],
  { base: 0x100000, entry: "start" },
);

describe("writeMultibootElf", () => {
  const file = writeMultibootElf(image);
  const view = new DataView(file.buffer);

  it("writes an ELF32 i386 executable header", () => {
    expect(Array.from(file.subarray(0, 7))).toEqual([0x7f, 0x45, 0x4c, 0x46, 1, 1, 1]);
    expect(view.getUint16(16, true)).toBe(2); // ET_EXEC
    expect(view.getUint16(18, true)).toBe(3); // EM_386
    expect(view.getUint32(24, true)).toBe(0x100001);
    expect(view.getUint16(42, true)).toBe(32);
  });

  it("has one PT_LOAD per segment, physical = virtual, bss as memsz > filesz, offsets ≡ address mod 4 KiB", () => {
    const headers = programHeaders(file);
    expect(headers.map((h) => [h.type, h.vaddr, h.paddr, h.filesz, h.memsz, h.flags])).toEqual([
      [1, 0x100000, 0x100000, 4, 4, 5],
      [1, 0x101000, 0x101000, 3, 3, 4],
      [1, 0x102000, 0x102000, 2, 0x3002, 6],
      [1, 0x800010, 0x800010, 2, 2, 6],
    ]);
    headers.forEach((header, i) => {
      expect(header.offset % 4096).toBe(header.vaddr % 4096);
      expect(header.align).toBe(4096);
      expect(file.subarray(header.offset, header.offset + header.filesz)).toEqual(image.segments[i].bytes);
    });
  });

  it("carries a valid multiboot header in the first 8 KiB", () => {
    let found = -1;
    for (let offset = 0; offset < 8192; offset += 4) {
      if (readU32(file, offset) === MULTIBOOT_MAGIC) found = offset;
    }
    expect(found).toBeGreaterThan(0);
    const flags = readU32(file, found + 4);
    expect(flags).toBe(0x3);
    expect((MULTIBOOT_MAGIC + flags + readU32(file, found + 8)) >>> 0).toBe(0);
  });

  it("is deterministic", () => {
    expect(writeMultibootElf(image)).toEqual(file);
  });

  it("is read back the same way by binutils", () => {
    const dir = mkdtempSync(join(tmpdir(), "sawmill-image-"));
    try {
      const path = join(dir, "kernel.elf");
      writeFileSync(path, file);
      // Fails loudly if binutils is missing: CI installs it.
      const output = execFileSync("readelf", ["-hlW", path], { encoding: "utf8" });
      expect(output).toMatch(/Machine:\s+Intel 80386/);
      expect(output).toMatch(/Entry point address:\s+0x100001/);
      const loads = output.split("\n").filter((line) => line.trim().startsWith("LOAD"));
      const fields = loads.map((line) =>
        line
          .trim()
          .split(/\s+/)
          .slice(2, 6)
          .map((field) => Number.parseInt(field, 16)),
      );
      expect(fields).toEqual([
        [0x100000, 0x100000, 4, 4],
        [0x101000, 0x101000, 3, 3],
        [0x102000, 0x102000, 2, 0x3002],
        [0x800010, 0x800010, 2, 2],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
