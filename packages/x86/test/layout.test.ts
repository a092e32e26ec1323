// Labels, branch relaxation, symbols, relocations and sections: the parts of the assembler that
// decide addresses. Encodings of individual instructions are checked against objdump elsewhere.
import { describe, expect, it } from "vitest";
import { Assembler, eax, ecx, type Label, m16, m32, sym, type X86Object, xmm0 } from "../src/index.js";

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, "0")).join(" ");

/** A jump over `gap` bytes of nops: forward when `forward`, else backward. */
function jumpOver(gap: number, forward: boolean, emit: (a: Assembler, l: Label) => void) {
  const a = new Assembler();
  const target = a.newLabel();
  if (!forward) a.bind(target);
  if (!forward) a.bytes(new Array(gap).fill(0x90));
  emit(a, target);
  if (forward) a.bytes(new Array(gap).fill(0x90));
  if (forward) a.bind(target);
  const object = a.finish();
  return { a, object, bytes: object.sections.text.bytes };
}

describe("branch relaxation", () => {
  it("keeps a forward jmp short at 127 bytes and goes near at 128", () => {
    const short = jumpOver(127, true, (a, l) => a.jmp(l)).bytes;
    expect(hex(short.subarray(0, 2))).toBe("eb 7f");
    expect(short.length).toBe(129);
    const near = jumpOver(128, true, (a, l) => a.jmp(l)).bytes;
    expect(hex(near.subarray(0, 5))).toBe("e9 80 00 00 00");
  });

  it("keeps a backward jcc short at -128 and goes near at -129", () => {
    // Displacement counts from the end of the 2-byte branch: 126 bytes behind + 2 = -128.
    const short = jumpOver(126, false, (a, l) => a.jcc("ne", l)).bytes;
    expect(hex(short.subarray(126))).toBe("75 80");
    const near = jumpOver(127, false, (a, l) => a.jcc("ne", l)).bytes;
    // Near: 127 + 6 bytes back from the end of the 6-byte form.
    expect(hex(near.subarray(127))).toBe("0f 85 7b ff ff ff");
  });

  it("grows a jump that only goes out of range because another jump grew", () => {
    const a = new Assembler();
    const far = a.newLabel();
    const end = a.newLabel();
    a.jmp(end); // 0: its distance depends on the second jump's size
    a.bytes(new Array(123).fill(0x90));
    a.jcc("e", far); // needs rel32: far is 200 bytes away
    a.bind(end);
    a.bytes(new Array(200).fill(0x90));
    a.bind(far);
    const bytes = a.finish().sections.text.bytes;
    // With the jcc short, end would be at 2+123+2 = 127 (rel8 125 fits); the jcc needs 6 bytes,
    // which puts end at 131, out of rel8 range, so the jmp grows too: end = 5+123+6.
    expect(a.offsetOf(end).offset).toBe(5 + 123 + 6);
    expect(hex(bytes.subarray(0, 5))).toBe("e9 81 00 00 00");
    expect(hex(bytes.subarray(128, 130))).toBe("0f 84");
  });

  it("accounts for alignment padding that changes as branches grow", () => {
    const a = new Assembler();
    const target = a.newLabel();
    a.jmp(target);
    a.bytes(new Array(120).fill(0xcc));
    a.align(16);
    a.bytes(new Array(8).fill(0xcc));
    a.bind(target);
    const bytes = a.finish().sections.text.bytes;
    const at = a.offsetOf(target).offset;
    const rel = bytes[0] === 0xeb ? (bytes[1] << 24) >> 24 : new DataView(bytes.buffer).getInt32(1, true);
    expect(at).toBe((bytes[0] === 0xeb ? 2 : 5) + rel);
    expect(at % 16).toBe(8);
  });

  it("resolves call to a label in place and jump tables with dd(label) as section relocations", () => {
    const a = new Assembler();
    const f = a.newLabel();
    a.call(f);
    a.ret();
    a.bind(f);
    a.ret();
    a.section("rodata");
    a.dd(0, f);
    const object = a.finish();
    expect(hex(object.sections.text.bytes)).toBe("e8 01 00 00 00 c3 c3");
    expect(object.relocations).toEqual([
      { section: "rodata", offset: 4, type: "abs32", symbol: ".text", addend: 6 },
    ]);
    expect(object.symbols).toContainEqual({ name: ".text", section: "text", offset: 0, binding: "local" });
  });

  it("makes a branch to a label in another section a near branch with a rel32 relocation", () => {
    const a = new Assembler();
    a.section("data");
    a.space(12);
    const there = a.label();
    a.section("text");
    a.nop();
    a.jcc("z", there);
    const object = a.finish();
    expect(hex(object.sections.text.bytes)).toBe("90 0f 84 00 00 00 00");
    expect(object.relocations).toEqual([
      { section: "text", offset: 3, type: "rel32", symbol: ".data", addend: 8 },
    ]);
  });
});

describe("alignment", () => {
  it("pads text with the fewest multi-byte nops and other sections with zeros or a given byte", () => {
    const a = new Assembler();
    a.ret();
    a.align(32);
    a.ret();
    a.align(4, 0xcc);
    a.section("data");
    a.db(1);
    a.align(4);
    const object = a.finish();
    expect(hex(object.sections.text.bytes)).toBe(
      [
        "c3",
        "66 0f 1f 84 00 00 00 00 00",
        "66 0f 1f 84 00 00 00 00 00",
        "66 0f 1f 84 00 00 00 00 00",
        "0f 1f 40 00",
        "c3 cc cc cc",
      ].join(" "),
    );
    expect(hex(object.sections.data.bytes)).toBe("01 00 00 00");
    expect(object.sections.text.align).toBe(32);
  });
});

describe("position", () => {
  it("counts bytes, short branches and alignment padding as emitted", () => {
    const a = new Assembler();
    a.nop();
    const l = a.label();
    a.jmp(l);
    expect(a.position()).toBe(3);
    a.align(8);
    expect(a.position()).toBe(8);
    a.section("data");
    expect(a.position()).toBe(0);
    a.dd(1, 2);
    expect(a.position()).toBe(8);
  });
});

describe("symbols and relocations", () => {
  function build(emit: (a: Assembler) => void): X86Object {
    const a = new Assembler();
    emit(a);
    return a.finish();
  }

  it("emits rel32 with addend -4 for calls to undefined symbols and lists them as undefined", () => {
    const object = build((a) => {
      a.global("entry");
      a.call("env.abort");
      a.jmp("elsewhere");
      a.jcc("ne", "elsewhere");
    });
    expect(hex(object.sections.text.bytes)).toBe("e8 00 00 00 00 e9 00 00 00 00 0f 85 00 00 00 00");
    expect(object.relocations).toEqual([
      { section: "text", offset: 1, type: "rel32", symbol: "env.abort", addend: -4 },
      { section: "text", offset: 6, type: "rel32", symbol: "elsewhere", addend: -4 },
      { section: "text", offset: 12, type: "rel32", symbol: "elsewhere", addend: -4 },
    ]);
    expect(object.symbols).toEqual([
      { name: "entry", section: "text", offset: 0, binding: "global" },
      { name: "env.abort", section: null, offset: 0, binding: "global" },
      { name: "elsewhere", section: null, offset: 0, binding: "global" },
    ]);
  });

  it("resolves rel32 to a symbol defined in the same section without a relocation", () => {
    const object = build((a) => {
      a.call("helper");
      a.ret();
      a.local("helper");
      a.ret();
    });
    expect(hex(object.sections.text.bytes)).toBe("e8 01 00 00 00 c3 c3");
    expect(object.relocations).toEqual([]);
  });

  it("relocates immediates and displacements against symbols with their addends", () => {
    const object = build((a) => {
      a.mov(eax, sym("table", 4));
      a.mov(eax, m32({ base: ecx, symbol: "table", disp: 8 }));
      a.push(sym("msg"));
      a.section("data");
      a.global("table");
      a.dd(sym("msg", -1));
    });
    expect(object.relocations).toEqual([
      { section: "text", offset: 1, type: "abs32", symbol: "table", addend: 4 },
      { section: "text", offset: 7, type: "abs32", symbol: "table", addend: 8 },
      { section: "text", offset: 12, type: "abs32", symbol: "msg", addend: 0 },
      { section: "data", offset: 0, type: "abs32", symbol: "msg", addend: -1 },
    ]);
    expect(object.symbols).toContainEqual({ name: "table", section: "data", offset: 0, binding: "global" });
  });

  it("sizes bss without bytes and keeps alignment", () => {
    const object = build((a) => {
      a.section("bss");
      a.space(5);
      a.align(64);
      a.global("stack");
      a.space(4096);
    });
    expect(object.sections.bss).toEqual({ bytes: new Uint8Array(0), size: 64 + 4096, align: 64 });
    expect(object.symbols).toEqual([{ name: "stack", section: "bss", offset: 64, binding: "global" }]);
  });

  it("writes data directives little-endian", () => {
    const object = build((a) => {
      a.section("rodata");
      a.db(1, 0xff, -1);
      a.dw(0x1234);
      a.dd(0xdeadbeef, -2);
      a.dq(0x0102030405060708n, -1);
    });
    expect(hex(object.sections.rodata.bytes)).toBe(
      "01 ff ff 34 12 ef be ad de fe ff ff ff 08 07 06 05 04 03 02 01 ff ff ff ff ff ff ff ff",
    );
  });

  it("records placed blocks", () => {
    const object = build((a) => a.place(0x100000, new Uint8Array([1, 2, 3])));
    expect(object.placed).toEqual([{ address: 0x100000, bytes: new Uint8Array([1, 2, 3]) }]);
  });
});

describe("errors", () => {
  it("rejects an unbound label at finish, naming the instruction", () => {
    const a = new Assembler();
    a.jmp(a.newLabel());
    expect(() => a.finish()).toThrow(/label#0 is used but never bound \(jmp\)/);
  });

  it("rejects invalid operand combinations naming instruction and operands", () => {
    const a = new Assembler();
    expect(() => a.mov(m32({ base: eax }), m32({ base: ecx }))).toThrow(
      "x86: invalid operands: mov(m32[eax], m32[ecx])",
    );
    expect(() => a.add(eax, 0x1_0000_0000)).toThrow(/add\(eax, 0x100000000\)/);
    expect(() => a.shl(eax, 256)).toThrow(/shl/);
    expect(() => a.in(eax, 0x100)).toThrow(/in\(eax, 0x100\)/);
    expect(() => a.call(m16({ base: eax }))).toThrow("x86: invalid operands: call(m16[eax])");
    expect(() => a.jmp(0x1000)).toThrow(/jmp\(0x1000\)/);
    expect(() => a.addsd(xmm0, m32({ base: eax }))).toThrow(
      /addsd\(xmm0, m32\[eax\]\) — addsd xmm, xmm\/m64/,
    );
    expect(() => m32({ index: { kind: "gpr", size: 32, code: 4, name: "esp" } })).toThrow(
      /esp cannot be an index/,
    );
  });

  it("rejects double binding, duplicate symbols, data in bss and use after finish", () => {
    const a = new Assembler();
    const l = a.label();
    expect(() => a.bind(l)).toThrow(/bound twice/);
    a.global("x");
    expect(() => a.local("x")).toThrow(/defined twice/);
    a.section("bss");
    expect(() => a.db(1)).toThrow(/bss/);
    a.finish();
    expect(() => a.nop()).toThrow(/after finish/);
  });
});
