/**
 * Code shape: the register allocation and fusions the README promises, checked on the
 * disassembly of small functions (capstone via @sawmill/x86).
 */

import { compileSource } from "@sawmill/as-compiler";
import { disassemble, loadDisassembler } from "@sawmill/x86";
import { beforeAll, describe, expect, it } from "vitest";
import { compileModule } from "../src/index.js";

const BASE = 0x0100_0000;

async function listing(source: string, name: string): Promise<string[]> {
  const compiled = compileModule(await compileSource(source), { memoryBase: BASE });
  const { symbols, sections } = compiled.object;
  const start = symbols.find((s) => s.name === name)!.offset;
  const next = symbols
    .filter((s) => s.section === "text" && s.offset > start)
    .reduce((min, s) => Math.min(min, s.offset), sections.text.size);
  return disassemble(sections.text.bytes.subarray(start, next)).map((line) =>
    line.replace(/^\S+\s+(\S+\s)*?\s+/, ""),
  );
}

beforeAll(loadDisassembler);

describe("code shape", () => {
  it("keeps loop locals in registers: i++ is one instruction, compare+branch has no setcc", async () => {
    const lines = await listing(
      `export function sum(n: i32): i32 { let s = 0; for (let i = 0; i < n; i++) s += load<u8>(i + 16); return s; }`,
      "sum",
    );
    const text = lines.join("\n");
    expect(text).toMatch(/add (ebx|esi|edi|ebp), 1|lea (ebx|esi|edi|ebp), \[\2 \+ 1\]/);
    expect(text).not.toMatch(/set[a-z]+ /);
    expect(text).toMatch(/movzx \w+, byte ptr \[(ebx|esi|edi|ebp) \+ 0x1000010\]/); // base and offset folded
  });

  it("folds memoryBase and constant addresses into one operand", async () => {
    const lines = await listing(
      `export function get(): i32 { return load<i32>(64) + load<i32>(128); }`,
      "get",
    );
    expect(lines.join("\n")).toMatch(/dword ptr \[0x1000040\]/);
  });

  it("compiles a large br_table to a jump table", async () => {
    const cases = Array.from({ length: 40 }, (_, k) => `case ${k}: return ${k * 3 + 1};`).join(" ");
    const lines = await listing(
      `export function pick(x: i32): i32 { switch (x) { ${cases} } return -1; }`,
      "pick",
    );
    expect(lines.join("\n")).toMatch(/jmp dword ptr \[\w+\*4/);
  });
});
