// The capstone-based listing helper used to print generated code.
import { describe, expect, it } from "vitest";
import { Assembler, disassemble, eax, ecx, loadDisassembler, m32, xmm0, xmm1 } from "../src/index.js";

describe("disassemble", () => {
  it("lists assembled code with addresses, bytes and Intel syntax", async () => {
    await loadDisassembler();
    const a = new Assembler();
    a.mov(eax, m32({ base: ecx, disp: 8 }));
    a.addsd(xmm0, xmm1);
    a.ret();
    const lines = disassemble(a.finish().sections.text.bytes, 0x100000);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^00100000 {2}8b 41 08 +mov eax, dword ptr \[ecx \+ 8\]$/);
    expect(lines[1]).toMatch(/^00100003 {2}f2 0f 58 c1 +addsd xmm0, xmm1$/);
    expect(lines[2]).toMatch(/^00100007 {2}c3 +ret$/);
  });

  it("shows undecodable bytes and resumes after them", async () => {
    await loadDisassembler();
    const lines = disassemble(new Uint8Array([0x8f, 0xc8, 0xc3]));
    expect(lines.at(-1)).toMatch(/ret$/);
    expect(lines.slice(0, 2).map((l) => l.slice(-10))).toEqual([".byte 0x8f", ".byte 0xc8"]);
  });
});
