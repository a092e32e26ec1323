import { disassemble, loadDisassembler } from "@sawmill/x86";
import { beforeAll, describe, expect, it } from "vitest";
import { assembleSyscallStubs, STUBS } from "../src/user/stubs.js";

/** The disassembled text of one stub (each object holds only the stubs asked for). */
function stub(name: string): string[] {
  const text = assembleSyscallStubs([name]).sections.text;
  return disassemble(text.bytes, 0).map((line) => line.replace(/^\S+\s+(\S+ )+\s+/, "").trim());
}

describe("system-call stubs", () => {
  beforeAll(loadDisassembler);

  it("an IPC send stub loads MR0–MR3 from the UTCB through gs and saves the callee-saved registers", () => {
    const code = stub("call").join("\n");
    for (const [register, offset] of [
      ["edx", "0x10"],
      ["ebx", "0x14"],
      ["esi", "0x18"],
      ["edi", "0x1c"],
    ]) {
      expect(code).toContain(`mov ${register}, dword ptr gs:[${offset}]`);
      expect(code).toContain(`mov dword ptr gs:[${offset}], ${register}`);
    }
    expect(code).toContain("mov dword ptr gs:[8], ebp");
    expect(code).toContain("mov dword ptr gs:[0xc], ecx");
    expect(code).toMatch(/push ebx\npush esi\npush edi\npush ebp/);
    expect(code).toMatch(/pop ebp\npop edi\npop esi\npop ebx\nret$/);
    expect(code).toContain("int 0x30");
  });

  it("puts the slot above the system-call number in eax", () => {
    const code = stub("recv").join("\n");
    expect(code).toContain("shl eax, 8");
    expect(code).toContain(`or eax, ${STUBS.recv?.number}`);
    expect(code).not.toContain("mov edx, dword ptr gs:[0x10]"); // recv sends nothing
  });

  it("thread_control writes its fifth argument to UTCB MR4", () => {
    expect(stub("thread_control").join("\n")).toContain("mov dword ptr gs:[0x20], eax");
  });

  it("utcb reads the self word; simple stubs save nothing", () => {
    expect(stub("utcb")).toEqual(["mov eax, dword ptr gs:[0]", "ret"]);
    expect(stub("debug_putc").join("\n")).not.toContain("push");
  });

  it("refuses an unknown stub", () => {
    expect(() => assembleSyscallStubs(["nonsense"])).toThrow(/no system-call stub/);
  });
});
