/**
 * The "x86" intrinsic module: the shipped declarations (assembly/x86.ts) compile with asc, and
 * every intrinsic becomes inline instructions — no call, no undefined symbol.
 */

import { readFileSync } from "node:fs";
import { compileSource } from "@sawmill/as-compiler";
import { disassemble, loadDisassembler } from "@sawmill/x86";
import { beforeAll, describe, expect, it } from "vitest";
import { compileModule, INTRINSIC_NAMES } from "../src/index.js";

const DECLARATIONS = readFileSync(new URL("../assembly/x86.ts", import.meta.url), "utf8");
const BASE = 0x0040_0000;

const PROGRAM = `
import * as x86 from "./x86";
export function io(port: u16, v: u8): u32 {
  x86.outb(port, v); x86.outw(0x1f0, 7); x86.outl(0xcfc, 0x80000860);
  return x86.inb(port) + x86.inw(0x1f0) + x86.inl(0xcfc);
}
export function strings(port: u16, address: usize, count: u32): void {
  x86.insb(port, address, count); x86.insw(port, address, count); x86.insl(port, address, count);
  x86.outsb(port, address, count); x86.outsw(port, address, count); x86.outsl(port, address, count);
}
export function system(descriptor: usize, page: u32): u64 {
  x86.cli(); x86.sti(); x86.pause(); x86.hlt();
  x86.writeCr0(x86.readCr0()); x86.writeCr3(x86.readCr3()); x86.writeCr4(x86.readCr4());
  x86.invlpg(page); x86.lgdt(descriptor); x86.lidt(descriptor + 8); x86.ltr(0x28);
  return x86.rdtsc() + x86.readCr2();
}
`;

beforeAll(loadDisassembler);

describe("x86 intrinsics", () => {
  it("compile to inline instructions, never calls", async () => {
    const wasm = await compileSource(PROGRAM, { files: { "x86.ts": DECLARATIONS } });
    const compiled = compileModule(wasm, { memoryBase: BASE });
    expect(compiled.imports).toEqual([]);
    expect(compiled.object.symbols.filter((s) => s.section === null)).toEqual([]);
    const text = disassemble(compiled.object.sections.text.bytes).join("\n");
    for (const pattern of [
      /out dx, al/,
      /out dx, ax/,
      /out dx, eax/,
      /in al, dx/,
      /in ax, dx/,
      /in eax, dx/,
      /rep insb/,
      /rep insw/,
      /rep insd/,
      /rep outsb/,
      /rep outsw/,
      /rep outsd/,
      /\bcli\b/,
      /\bsti\b/,
      /\bpause\b/,
      /\bhlt\b/,
      /mov \w+, cr0/,
      /mov cr3, \w+/,
      /mov \w+, cr2/,
      /invlpg byte ptr \[\w+\]/,
      /lgdt .*\[\w+ \+ 0x400000\]/,
      /lidt .*\[\w+ \+ 0x400000\]/,
      /ltr \w+/,
      /rdtsc/,
    ]) {
      expect(text).toMatch(pattern);
    }
    expect(text).not.toMatch(/\bcall\b/);
  });

  it("documents every intrinsic it implements in assembly/x86.ts", () => {
    for (const name of INTRINSIC_NAMES) expect(DECLARATIONS).toContain(`@external("x86", "${name}")`);
  });
});
