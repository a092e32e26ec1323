import { bootMultiboot, DEBUG_EXIT_PORT, DEBUG_VALUE_PORT } from "@sawmill/emulator";
import { Assembler, dx, eax, ecx, esi, m32 } from "@sawmill/x86";
import { describe, expect, it } from "vitest";
import { buildBootImage, link, writeBootArchive } from "../src/index.js";
import { global, makeObject } from "./make-object.js";
import { programHeaders } from "./program-headers.js";

/** A kernel that reports the archive's address, size, first 8 bytes and last word, then exits. */
function tinyKernel() {
  const a = new Assembler();
  a.section("text");
  a.global("start");
  a.mov(esi, m32({ symbol: "__boot_archive_address" }));
  a.mov(ecx, m32({ symbol: "__boot_archive_size" }));
  a.mov(dx, DEBUG_VALUE_PORT);
  for (const value of [esi, ecx, m32({ base: esi }), m32({ base: esi, disp: 4 })]) {
    a.mov(eax, value);
    a.out(dx, eax);
  }
  a.mov(eax, m32({ base: esi, index: ecx, scale: 1, disp: -4 }));
  a.out(dx, eax);
  a.mov(eax, 7);
  a.mov(dx, DEBUG_EXIT_PORT);
  a.out(dx, eax);
  a.hlt();
  a.section("data");
  a.dd(0x11111111);
  a.global("__boot_archive_address");
  a.dd(0);
  a.global("__boot_archive_size");
  a.dd(0);
  a.section("bss");
  a.space(0x2100);
  return link([a.finish()], { base: 0x100000, entry: "start" });
}

const archive = writeBootArchive([
  { name: "manifest", bytes: Uint8Array.of(1, 2, 3) },
  { name: "tail", bytes: Uint8Array.from({ length: 6000 }, (_, i) => (i % 251) + 1) },
]);
const kernel = tinyKernel();
const word = (bytes: Uint8Array, at: number) =>
  new DataView(bytes.buffer, bytes.byteOffset).getUint32(at, true);

describe("buildBootImage", () => {
  const image = buildBootImage({ kernel, archive });
  const kernelEnd = Math.max(...kernel.segments.map((s) => s.address + s.memSize));
  const archiveAddress = Math.ceil(kernelEnd / 4096) * 4096;

  it("adds the archive as a PT_LOAD after the kernel's last segment, page-aligned", () => {
    const headers = programHeaders(image);
    expect(headers).toHaveLength(kernel.segments.length + 1);
    const last = headers[headers.length - 1];
    expect(archiveAddress).toBe(0x104000); // text page, data page + 0x2100 bss
    expect([last.vaddr, last.paddr, last.filesz, last.memsz, last.flags]).toEqual([
      archiveAddress,
      archiveAddress,
      archive.length,
      archive.length,
      4,
    ]);
    expect(image.subarray(last.offset, last.offset + last.filesz)).toEqual(archive);
  });

  it("writes the archive's address and size into the kernel's two words", () => {
    const data = programHeaders(image)[1];
    const at = (symbol: string) => data.offset + kernel.symbols.get(symbol)! - data.vaddr;
    expect(word(image, at("__boot_archive_address"))).toBe(archiveAddress);
    expect(word(image, at("__boot_archive_size"))).toBe(archive.length);
    expect(word(kernel.segments[1].bytes, 4)).toBe(0); // the input is untouched
  });

  it("turns symbols in bss into file bytes", () => {
    const symbols = [global("__boot_archive_address", "bss", 8), global("__boot_archive_size", "bss", 12)];
    const object = makeObject({ text: [0xf4], bss: 0x20, symbols: [global("start", "text"), ...symbols] });
    const withBss = link([object], { base: 0x100000, entry: "start" });
    const file = buildBootImage({ kernel: withBss, archive });
    const [, bss] = programHeaders(file);
    expect([bss.vaddr, bss.filesz, bss.memsz]).toEqual([0x101000, 16, 0x20]);
    expect([word(file, bss.offset + 8), word(file, bss.offset + 12)]).toEqual([0x102000, archive.length]);
  });

  it("is deterministic", () => {
    expect(buildBootImage({ kernel: tinyKernel(), archive: archive.slice() })).toEqual(image);
  });

  it("rejects a kernel without the symbols, or with them outside writable memory", () => {
    const halt = makeObject({ text: [0xf4], symbols: [global("start", "text")] });
    const bare = link([halt], { base: 0x100000, entry: "start" });
    expect(() => buildBootImage({ kernel: bare, archive })).toThrow(
      /the kernel does not define __boot_archive_address/,
    );
    const defines = { __boot_archive_address: 0x100000, __boot_archive_size: 0x100004 };
    const inText = link([halt], { base: 0x100000, entry: "start", defines });
    expect(() => buildBootImage({ kernel: inText, archive })).toThrow(
      /__boot_archive_address \(0x100000\) is not a word in a writable kernel segment/,
    );
  });

  it("boots in v86: the kernel finds the whole archive through the two symbols", async () => {
    const result = await bootMultiboot(image, { timeoutMs: 30_000 });
    expect(result.exitCode).toBe(7);
    expect(result.values).toEqual([
      archiveAddress,
      archive.length,
      word(archive, 0), // "SAWM"
      word(archive, 4), // "ILLA"
      word(archive, archive.length - 4),
    ]);
    expect(new TextDecoder().decode(new Uint8Array(new Uint32Array(result.values.slice(2, 4)).buffer))).toBe(
      "SAWMILLA",
    );
  });
});
