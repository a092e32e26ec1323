// Exact bytes for the choices objdump's text cannot see: which of several valid encodings the
// assembler picks (disp8 over disp32, sign-extended imm8, accumulator and one-byte forms).
// Expected bytes are written by hand from the Intel SDM opcode tables.
import { describe, expect, it } from "vitest";
import {
  Assembler,
  al,
  ax,
  cl,
  eax,
  ebp,
  ebx,
  ecx,
  edx,
  esi,
  esp,
  m8,
  m16,
  m32,
  xmm0,
  xmm1,
} from "../src/index.js";

function bytesOf(emit: (a: Assembler) => void): string {
  const a = new Assembler();
  emit(a);
  return [...a.finish().sections.text.bytes].map((b) => b.toString(16).padStart(2, "0")).join(" ");
}

describe("shortest encodings", () => {
  it.each([
    ["[eax]", () => m32({ base: eax }), "8b 08"],
    ["[ebp] takes a zero disp8", () => m32({ base: ebp }), "8b 4d 00"],
    ["[esp] needs a SIB", () => m32({ base: esp }), "8b 0c 24"],
    ["[esp+4]", () => m32({ base: esp, disp: 4 }), "8b 4c 24 04"],
    ["disp8 at 127", () => m32({ base: ebx, disp: 127 }), "8b 4b 7f"],
    ["disp8 at -128", () => m32({ base: ebx, disp: -128 }), "8b 4b 80"],
    ["disp32 at 128", () => m32({ base: ebx, disp: 128 }), "8b 8b 80 00 00 00"],
    ["absolute", () => m32({ disp: 0x1000 }), "8b 0d 00 10 00 00"],
    ["index without base", () => m32({ index: esi, scale: 8 }), "8b 0c f5 00 00 00 00"],
    ["base+index*scale", () => m32({ base: edx, index: esi, scale: 4 }), "8b 0c b2"],
    ["ebp base with index", () => m32({ base: ebp, index: eax, scale: 2 }), "8b 4c 45 00"],
  ])("mov ecx, %s", (_, operand, expected) => {
    expect(bytesOf((a) => a.mov(ecx, operand()))).toBe(expected);
  });

  it.each([
    ["add eax, 1 uses imm8", (a: Assembler) => a.add(eax, 1), "83 c0 01"],
    ["add eax, 0x100 uses the accumulator form", (a: Assembler) => a.add(eax, 0x100), "05 00 01 00 00"],
    ["add ecx, 0x100", (a: Assembler) => a.add(ecx, 0x100), "81 c1 00 01 00 00"],
    ["and ecx, 0xffffffff is imm8 -1", (a: Assembler) => a.and(ecx, 0xffffffff), "83 e1 ff"],
    ["cmp al, 5", (a: Assembler) => a.cmp(al, 5), "3c 05"],
    ["sub ax, -2", (a: Assembler) => a.sub(ax, -2), "66 83 e8 fe"],
    ["mov m16, imm16", (a: Assembler) => a.mov(m16({ base: eax }), 0x1234), "66 c7 00 34 12"],
    ["mov m8, imm8", (a: Assembler) => a.mov(m8({ base: eax }), 0xff), "c6 00 ff"],
    ["mov ecx, imm32", (a: Assembler) => a.mov(ecx, -1), "b9 ff ff ff ff"],
    ["inc ecx is one byte", (a: Assembler) => a.inc(ecx), "41"],
    ["dec ax", (a: Assembler) => a.dec(ax), "66 48"],
    ["push 1 is imm8", (a: Assembler) => a.push(1), "6a 01"],
    ["push 0x80 is imm32", (a: Assembler) => a.push(0x80), "68 80 00 00 00"],
    ["xchg eax, ebx is one byte", (a: Assembler) => a.xchg(eax, ebx), "93"],
    ["shl by 1", (a: Assembler) => a.shl(edx, 1), "d1 e2"],
    ["sar by cl", (a: Assembler) => a.sar(edx, cl), "d3 fa"],
    ["imul with imm8", (a: Assembler) => a.imul(eax, ecx, -1), "6b c1 ff"],
    ["test eax, imm", (a: Assembler) => a.test(eax, 0x100), "a9 00 01 00 00"],
    ["rep stosw", (a: Assembler) => a.rep().stosw(), "f3 66 ab"],
    ["movd xmm0, eax", (a: Assembler) => a.movd(xmm0, eax), "66 0f 6e c0"],
    ["addsd xmm0, xmm1", (a: Assembler) => a.addsd(xmm0, xmm1), "f2 0f 58 c1"],
    ["out 0x80, al", (a: Assembler) => a.out(0x80, al), "e6 80"],
  ])("%s", (_, emit, expected) => {
    expect(bytesOf(emit)).toBe(expected);
  });
});

describe("far jump", () => {
  it("stores the label's address as an abs32 relocation and the selector after it", () => {
    const a = new Assembler();
    const reload = a.newLabel();
    a.jmpFar(0x08, reload);
    a.bind(reload);
    a.mov(eax, 0x10);
    const object = a.finish();
    expect([...object.sections.text.bytes.subarray(0, 7)]).toEqual([0xea, 0, 0, 0, 0, 0x08, 0]);
    expect(object.relocations).toEqual([
      { section: "text", offset: 1, type: "abs32", symbol: ".text", addend: 7 },
    ]);
  });
});
