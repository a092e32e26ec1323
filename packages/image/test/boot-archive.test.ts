import { describe, expect, it } from "vitest";
import { readBootArchive, writeBootArchive } from "../src/index.js";
import { readU32 } from "./make-object.js";

const entries = [
  { name: "manifest", bytes: Uint8Array.of(9, 8, 7) },
  { name: "uart", bytes: Uint8Array.from({ length: 5000 }, (_, i) => i & 0xff) },
  { name: "empty", bytes: new Uint8Array(0) },
  { name: "ü", bytes: Uint8Array.of(1) },
];

describe("writeBootArchive", () => {
  const archive = writeBootArchive(entries);

  it("writes the header", () => {
    expect(new TextDecoder().decode(archive.subarray(0, 8))).toBe("SAWMILLA");
    expect([readU32(archive, 8), readU32(archive, 12), readU32(archive, 16), readU32(archive, 20)]).toEqual([
      1,
      4,
      archive.length,
      0,
    ]);
  });

  it("writes 48-byte directory entries and page-aligned contents in input order", () => {
    const directory = entries.map((_, i) => {
      const at = 24 + 48 * i;
      return [readU32(archive, at + 32), readU32(archive, at + 36), readU32(archive, at + 40)];
    });
    expect(directory).toEqual([
      [0x1000, 3, 0],
      [0x2000, 5000, 0],
      [0x4000, 0, 0],
      [0x4000, 1, 0],
    ]);
    expect(Array.from(archive.subarray(24, 24 + 9))).toEqual([...new TextEncoder().encode("manifest"), 0]);
    expect(archive.length).toBe(0x4001);
    expect(archive.subarray(0x1003, 0x2000).every((b) => b === 0)).toBe(true);
  });

  it("round-trips through readBootArchive", () => {
    expect(readBootArchive(archive)).toEqual(entries);
  });

  it("is deterministic", () => {
    expect(writeBootArchive(entries.map((e) => ({ ...e, bytes: e.bytes.slice() })))).toEqual(archive);
  });

  it("writes an empty archive as its header", () => {
    expect(writeBootArchive([]).length).toBe(24);
    expect(readBootArchive(writeBootArchive([]))).toEqual([]);
  });

  it("rejects bad names with clear errors", () => {
    const one = (name: string) => () => writeBootArchive([{ name, bytes: new Uint8Array(1) }]);
    expect(one("")).toThrow(/entry #0: the name is empty/);
    expect(one("x".repeat(32))).toThrow(/32 bytes of UTF-8, at most 31/);
    expect(one("ü".repeat(16))).toThrow(/32 bytes of UTF-8/);
    expect(one("a\0b")).toThrow(/contains a NUL/);
    expect(() =>
      writeBootArchive([
        { name: "a", bytes: new Uint8Array(0) },
        { name: "a", bytes: new Uint8Array(0) },
      ]),
    ).toThrow(/entries #0 and #1 are both named "a"/);
  });

  it("rejects what is not an archive", () => {
    expect(() => readBootArchive(new Uint8Array(24))).toThrow(/magic "SAWMILLA" missing/);
    const truncated = writeBootArchive(entries).subarray(0, 0x3000);
    expect(() => readBootArchive(truncated)).toThrow(/truncated/);
  });
});
