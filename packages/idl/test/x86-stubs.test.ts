import { readFileSync } from "node:fs";
import { ErrorCode } from "@sawmill/kernel";
import { disassemble, loadDisassembler } from "@sawmill/x86";
import { beforeAll, describe, expect, it } from "vitest";
import { assembleIdlStubs, BIND_LABEL, IDL_STUBS, idlStubBytes, Status } from "../src/index.js";

const listing = (name: string) => disassemble(idlStubBytes(name)).map((l) => l.split(/\s{2,}/).at(-1) ?? "");

describe("idl x86 stubs", () => {
  beforeAll(loadDisassembler);

  it("defines idl.<name> for every stub", () => {
    const names = assembleIdlStubs({ memoryBase: 0 })
      .symbols.filter((s) => s.binding === "global")
      .map((s) => s.name);
    expect(names).toEqual(IDL_STUBS.map((n) => `idl.${n}`));
  });

  it("call4 puts the words straight into the message registers: 18 instructions, one int 0x30", () => {
    const lines = listing("call4");
    expect(lines).toHaveLength(18);
    expect(lines.filter((l) => l.startsWith("int 0x30"))).toHaveLength(1);
    expect(lines.slice(0, 8)).toEqual([
      "pushal",
      "mov eax, dword ptr [esp + 0x24]",
      "mov ecx, dword ptr [esp + 0x28]",
      "mov edx, dword ptr [esp + 0x2c]",
      "mov ebx, dword ptr [esp + 0x30]",
      "mov esi, dword ptr [esp + 0x34]",
      "mov edi, dword ptr [esp + 0x38]",
      "mov eax, dword ptr [eax + 4]",
    ]);
  });

  it.each([
    ["call0", 14],
    ["call1", 15],
    ["call2", 16],
    ["call3", 17],
  ])("%s is %i instructions", (name, count) => {
    expect(listing(name)).toHaveLength(count);
  });

  it("agrees with the AssemblyScript runtime's constants", () => {
    const runtime = readFileSync(new URL("../assembly/runtime.ts", import.meta.url), "utf8");
    const constant = (name: string) => Number(new RegExp(`const ${name}: u32 = (\\w+);`).exec(runtime)?.[1]);
    expect(constant("STATUS_OK")).toBe(Status.OK);
    expect(constant("STATUS_INTERFACE_MISMATCH")).toBe(Status.INTERFACE_MISMATCH);
    expect(constant("STATUS_UNKNOWN_METHOD")).toBe(Status.UNKNOWN_METHOD);
    expect(constant("STATUS_BAD_MESSAGE")).toBe(Status.BAD_MESSAGE);
    expect(constant("STATUS_NOT_SERVED")).toBe(Status.NOT_SERVED);
    expect(constant("BIND_LABEL")).toBe(BIND_LABEL);
    expect(constant("SYSCALL_CALL")).toBe(3);
    expect(constant("SYSCALL_REPLY_RECV")).toBe(4);
    // endpointUnusable() is one range check over these three.
    expect([ErrorCode.INVALID_CAP, ErrorCode.WRONG_TYPE, ErrorCode.NO_RIGHT]).toEqual([2, 3, 4]);
  });
});
