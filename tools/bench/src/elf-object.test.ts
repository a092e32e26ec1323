import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readElfObject } from "./elf-object.js";
import { compileC } from "./gcc.js";

const SOURCE = `
extern int external_counter;
int external_function(int);
static int table[4] = { 10, 20, 30, 40 };
static const char message[] = "hello";
static int scratch[64];
int exported_value = 7;

int lookup(int i) { return table[i & 3] + message[i & 3]; }
int use_imports(int x) { scratch[x & 63] = x; return external_function(x) + external_counter; }
int read_scratch(int i) { return scratch[i & 63]; }
static int helper(int x) { return x * 3; }
int (*keep_helper)(int) = helper;
`;

const directory = mkdtempSync(join(tmpdir(), "elf-object-test-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function compileSnippet(): Uint8Array {
  const path = join(directory, "snippet.c");
  writeFileSync(path, SOURCE);
  return compileC(path);
}

describe("readElfObject", () => {
  const object = readElfObject(compileSnippet(), "snippet.o");
  const symbol = (name: string) => object.symbols.find((s) => s.name === name);

  it("keeps defined functions and data with their sections and bindings", () => {
    expect(symbol("lookup")).toMatchObject({ section: "text", binding: "global" });
    expect(symbol("use_imports")).toMatchObject({ section: "text", binding: "global" });
    expect(symbol("exported_value")).toMatchObject({ section: "data", binding: "global" });
    expect(symbol("helper")).toMatchObject({ section: "text", binding: "local" });
    expect(symbol("scratch")).toMatchObject({ section: "bss", binding: "local" });
    const value = symbol("exported_value")!;
    const bytes = object.sections.data.bytes.subarray(value.offset, value.offset + 4);
    expect(new DataView(bytes.buffer, bytes.byteOffset).getInt32(0, true)).toBe(7);
  });

  it("turns undefined symbols into imports", () => {
    expect(symbol("external_function")).toEqual({
      name: "external_function",
      section: null,
      offset: 0,
      binding: "global",
    });
    expect(symbol("external_counter")?.section).toBeNull();
  });

  it("maps the call to an import to rel32 with the field's implicit addend", () => {
    const call = object.relocations.find((r) => r.symbol === "external_function")!;
    expect(call).toMatchObject({ section: "text", type: "rel32", addend: -4 });
    expect(object.sections.text.bytes[call.offset - 1]).toBe(0xe8);
    expect(object.sections.text.bytes.subarray(call.offset, call.offset + 4)).toEqual(new Uint8Array(4));
  });

  it("maps data references to abs32 against symbols that exist in the object", () => {
    const names = new Set(object.symbols.map((s) => s.name));
    const abs = object.relocations.filter((r) => r.type === "abs32");
    expect(abs.length).toBeGreaterThanOrEqual(3);
    for (const relocation of object.relocations) expect(names).toContain(relocation.symbol);
    const pointer = object.relocations.find((r) => r.section === "data" && r.type === "abs32")!;
    const target = symbol(pointer.symbol)!;
    expect(target.section).toBe("text");
    expect(target.offset + pointer.addend).toBe(symbol("helper")!.offset);
  });

  it("resolves a section-relative reference to the right bytes", () => {
    const stringRef = object.relocations.find((r) => {
      const target = symbol(r.symbol);
      return target?.section === "rodata";
    })!;
    const target = symbol(stringRef.symbol)!;
    const at = target.offset + stringRef.addend;
    expect(new TextDecoder().decode(object.sections.rodata.bytes.subarray(at, at + 5))).toBe("hello");
  });

  it("drops unwind tables and notes, and reserves bss without bytes", () => {
    expect(object.symbols.some((s) => s.name.startsWith(".eh_frame"))).toBe(false);
    expect(object.sections.bss.bytes.length).toBe(0);
    expect(object.sections.bss.size).toBeGreaterThanOrEqual(256);
  });

  it("rejects what is not an i386 relocatable object", () => {
    expect(() => readElfObject(new Uint8Array(64), "zeros.o")).toThrow(/zeros.o: not an ELF file/);
    const executable = compileSnippet();
    executable[16] = 2;
    expect(() => readElfObject(executable, "exec.o")).toThrow(/not a relocatable object/);
  });
});
