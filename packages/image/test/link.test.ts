import { describe, expect, it } from "vitest";
import { LinkError, link } from "../src/index.js";
import { global, local, makeObject, readU32 } from "./make-object.js";

const BASE = 0x100000;

// Object A: entry: call foo (E8 rel32); mov eax, [bar] (A1 abs32); ret
const caller = makeObject({
  name: "caller",
  text: [0xe8, 0, 0, 0, 0, 0xa1, 0, 0, 0, 0, 0xc3],
  symbols: [global("entry", "text", 0), global("foo", null), global("bar", null)],
  relocations: [
    { section: "text", offset: 1, type: "rel32", symbol: "foo", addend: -4 },
    { section: "text", offset: 6, type: "abs32", symbol: "bar", addend: 0 },
  ],
});
// Object B: foo: ret; rodata "hi"; data bar: dd 7; bss 16 bytes
const callee = makeObject({
  name: "callee",
  text: [0xc3],
  rodata: [0x68, 0x69],
  data: [7, 0, 0, 0],
  bss: 16,
  align: { text: 16, data: 4, bss: 8 },
  symbols: [global("foo", "text", 0), global("bar", "data", 0), global("scratch", "bss", 0)],
});

describe("link", () => {
  it("lays out text, rodata, data+bss in page-aligned groups honouring section alignment", () => {
    const image = link([caller, callee], { base: BASE, entry: "entry" });
    expect(image.entry).toBe(BASE);
    expect(image.symbols.get("foo")).toBe(BASE + 16); // caller text is 11 bytes, callee text aligned 16
    expect(image.symbols.get("bar")).toBe(BASE + 0x2000); // text page, rodata page, data page
    expect(image.symbols.get("scratch")).toBe(BASE + 0x2008); // bss after data, aligned 8
    expect(
      image.segments.map((s) => [s.address, s.bytes.length, s.memSize, s.writable, s.executable]),
    ).toEqual([
      [BASE, 17, 17, false, true],
      [BASE + 0x1000, 2, 2, false, false],
      [BASE + 0x2000, 4, 0x18, true, false],
    ]);
  });

  it("patches rel32 as S + A - P and abs32 as S + A across objects", () => {
    const image = link([caller, callee], { base: BASE, entry: "entry" });
    const text = image.segments[0].bytes;
    // call at BASE: field at BASE+1, target BASE+16: 16 - 4 - 1 = 11
    expect(readU32(text, 1)).toBe(11);
    expect(readU32(text, 6)).toBe(BASE + 0x2000);
    expect(Array.from(image.segments[2].bytes)).toEqual([7, 0, 0, 0]);
  });

  it("resolves local symbols within their own object only, shadowing globals", () => {
    const first = makeObject({
      text: [0, 0, 0, 0, 0x90],
      symbols: [global("entry", "text"), local("here", "text", 4)],
      relocations: [{ section: "text", offset: 0, type: "abs32", symbol: "here", addend: 0 }],
    });
    const second = makeObject({
      text: [0x90, 0x90, 0, 0, 0, 0],
      symbols: [local("here", "text", 1), global("here", "text", 0)],
      relocations: [{ section: "text", offset: 2, type: "abs32", symbol: "here", addend: 2 }],
    });
    const image = link([first, second], { base: BASE, entry: "entry" });
    const text = image.segments[0].bytes;
    expect(readU32(text, 0)).toBe(BASE + 4);
    expect(readU32(text, 5 + 2)).toBe(BASE + 5 + 1 + 2);
    expect(image.symbols.get("here")).toBe(BASE + 5);
  });

  it("uses defines as absolute symbols and reports them in the symbol table", () => {
    const object = makeObject({
      text: [0xb8, 0, 0, 0, 0],
      symbols: [global("entry", "text")],
      relocations: [{ section: "text", offset: 1, type: "abs32", symbol: "STACK_TOP", addend: -4 }],
    });
    const image = link([object], { base: BASE, entry: "entry", defines: { STACK_TOP: 0x90000 } });
    expect(readU32(image.segments[0].bytes, 1)).toBe(0x90000 - 4);
    expect(image.symbols.get("STACK_TOP")).toBe(0x90000);
  });

  it("includes placed blocks as their own writable segments, sorted by address", () => {
    const object = makeObject({
      text: [0xc3],
      symbols: [global("entry", "text")],
      placed: [
        { address: 0x800000, bytes: Uint8Array.of(1, 2, 3) },
        { address: 0x400000, bytes: Uint8Array.of(9) },
      ],
    });
    const image = link([object], { base: BASE, entry: "entry" });
    expect(image.segments.map((s) => [s.address, Array.from(s.bytes), s.writable, s.executable])).toEqual([
      [BASE, [0xc3], false, true],
      [0x400000, [9], true, false],
      [0x800000, [1, 2, 3], true, false],
    ]);
  });

  it("places an empty, aligned section past the end of its group without copying", () => {
    const empty = makeObject({ name: "empty", align: { text: 16 } });
    const image = link([caller, callee, empty], { base: BASE, entry: "entry" });
    expect(image.segments[0].bytes.length).toBe(17);
  });

  it("is deterministic", () => {
    const a = link([caller, callee], { base: BASE, entry: "entry" });
    const b = link([caller, callee], { base: BASE, entry: "entry" });
    expect(a).toEqual(b);
  });
});

describe("link errors", () => {
  const entryObject = makeObject({ name: "start", text: [0xc3], symbols: [global("entry", "text")] });

  function linkError(run: () => unknown): string {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(LinkError);
      return (error as Error).message;
    }
    throw new Error("expected a LinkError");
  }

  it("names both objects of a duplicate global", () => {
    const twin = makeObject({ text: [0xc3], symbols: [global("entry", "text")] });
    expect(linkError(() => link([entryObject, twin], { base: BASE, entry: "entry" }))).toBe(
      'duplicate symbol "entry": defined in object #0 ("start") and in object #1',
    );
  });

  it("rejects a global that clashes with a define", () => {
    expect(
      linkError(() => link([entryObject], { base: BASE, entry: "entry", defines: { entry: 0x1000 } })),
    ).toContain('duplicate symbol "entry": defined in the defines and in object #0');
  });

  it("names the symbol and the referencing object of an undefined reference", () => {
    const user = makeObject({
      name: "user",
      text: [0xe8, 0, 0, 0, 0],
      symbols: [global("env.abort", null)],
      relocations: [{ section: "text", offset: 1, type: "rel32", symbol: "env.abort", addend: -4 }],
    });
    expect(linkError(() => link([entryObject, user], { base: BASE, entry: "entry" }))).toBe(
      'undefined symbol "env.abort" referenced by object #1 ("user")',
    );
  });

  it("does not let one object use another object's local", () => {
    const owner = makeObject({ text: [0x90], symbols: [local("secret", "text")] });
    const thief = makeObject({
      text: [0, 0, 0, 0],
      relocations: [{ section: "text", offset: 0, type: "abs32", symbol: "secret", addend: 0 }],
    });
    expect(linkError(() => link([entryObject, owner, thief], { base: BASE, entry: "entry" }))).toContain(
      'undefined symbol "secret" referenced by object #2',
    );
  });

  it("reports rel32 displacements beyond ±2 GiB", () => {
    const far = makeObject({
      name: "far",
      text: [0xe8, 0, 0, 0, 0],
      relocations: [{ section: "text", offset: 1, type: "rel32", symbol: "high", addend: -4 }],
    });
    const message = linkError(() =>
      link([entryObject, far], { base: BASE, entry: "entry", defines: { high: 0xfff00000 } }),
    );
    expect(message).toMatch(/^relocation overflow: rel32 to "high" .* in object #1 \("far"\)$/);
  });

  it("reports abs32 values beyond 32 bits", () => {
    const big = makeObject({
      text: [0, 0, 0, 0],
      relocations: [{ section: "text", offset: 0, type: "abs32", symbol: "top", addend: 0x100 }],
    });
    expect(
      linkError(() => link([entryObject, big], { base: BASE, entry: "entry", defines: { top: 0xffffff00 } })),
    ).toMatch(/^relocation overflow: abs32 to "top"/);
  });

  it("accepts abs32 values that wrap below zero as signed numbers", () => {
    const negative = makeObject({
      text: [0, 0, 0, 0],
      relocations: [{ section: "text", offset: 0, type: "abs32", symbol: "zero", addend: -1 }],
    });
    const image = link([entryObject, negative], { base: BASE, entry: "entry", defines: { zero: 0 } });
    expect(readU32(image.segments[0].bytes, 1)).toBe(0xffffffff);
  });

  it("rejects relocations outside their section", () => {
    const broken = makeObject({
      text: [0, 0, 0],
      relocations: [{ section: "text", offset: 0, type: "abs32", symbol: "entry", addend: 0 }],
    });
    expect(linkError(() => link([entryObject, broken], { base: BASE, entry: "entry" }))).toContain(
      "lies outside its section in object #1",
    );
  });

  it("rejects symbols outside their section, but accepts one at its end", () => {
    const endLabel = makeObject({ bss: 16, symbols: [global("stack_top", "bss", 16)] });
    expect(link([entryObject, endLabel], { base: BASE, entry: "entry" }).symbols.get("stack_top")).toBe(
      BASE + 0x1000 + 16, // no rodata: the data group follows the text page
    );
    const beyond = makeObject({ name: "bad", text: [0x90], symbols: [global("past", "text", 2)] });
    expect(linkError(() => link([entryObject, beyond], { base: BASE, entry: "entry" }))).toBe(
      'symbol "past" at text+0x2 lies outside its section in object #1 ("bad")',
    );
  });

  it("rejects placed blocks overlapping each other or the sections", () => {
    const overlapping = makeObject({
      placed: [
        { address: 0x400000, bytes: new Uint8Array(16) },
        { address: 0x40000f, bytes: new Uint8Array(1) },
      ],
    });
    expect(linkError(() => link([entryObject, overlapping], { base: BASE, entry: "entry" }))).toContain(
      "segments overlap: [0x400000, 0x400010) and [0x40000f, 0x400010)",
    );
    const onText = makeObject({ placed: [{ address: BASE, bytes: new Uint8Array(1) }] });
    expect(linkError(() => link([entryObject, onText], { base: BASE, entry: "entry" }))).toContain(
      "segments overlap",
    );
  });

  it("requires a defined entry and a page-aligned base", () => {
    expect(linkError(() => link([entryObject], { base: BASE, entry: "main" }))).toBe(
      'entry symbol "main" is not defined by any object',
    );
    expect(linkError(() => link([entryObject], { base: BASE + 4, entry: "entry" }))).toContain(
      "page-aligned",
    );
  });
});
