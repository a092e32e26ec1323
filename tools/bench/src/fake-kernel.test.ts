import { disassemble, loadDisassembler } from "@sawmill/x86";
import { beforeAll, describe, expect, it } from "vitest";
import { assembleFakeKernel, FAKE_KERNEL_INSTRUCTIONS } from "./fake-kernel.js";

describe("fake kernel", () => {
  beforeAll(loadDisassembler);

  it("answers a system call in FAKE_KERNEL_INSTRUCTIONS, marker out and iretd included", () => {
    const object = assembleFakeKernel(10, 0x0100_0000);
    const handler = object.symbols.find((s) => s.name === "fake.handler");
    expect(handler).toBeDefined();
    const lines = disassemble(object.sections.text.bytes.subarray(handler?.offset ?? 0));
    const pass = lines.slice(0, lines.findIndex((l) => l.endsWith("iretd")) + 1);
    expect(pass).toHaveLength(FAKE_KERNEL_INSTRUCTIONS);
    expect(pass[2]).toMatch(/out dx, eax$/);
    // Every message register and ebp is loaded from the script: nothing of the caller leaks.
    for (const register of ["eax", "ecx", "edx", "ebx", "esi", "edi", "ebp"])
      expect(pass.some((l) => new RegExp(`mov ${register}, dword ptr \\[`).test(l))).toBe(true);
  });

  it("gives sys.utcb the wasm address of physical 0 (gs base 0 on the bare machine)", () => {
    const object = assembleFakeKernel(10, 0x0100_0000);
    const utcb = object.symbols.find((s) => s.name === "sys.utcb");
    const [first] = disassemble(object.sections.text.bytes.subarray(utcb?.offset ?? 0));
    expect(first).toMatch(/mov eax, 0xff000000$/);
  });
});
