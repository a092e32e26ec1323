import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { IdlError, parseIdl } from "../src/index.js";

const calc = readFileSync(new URL("./idl/calc.idl.ts", import.meta.url), "utf8");

describe("parseIdl", () => {
  it("reads methods in order, structs flattened, JSDoc errors numbered interface-wide", () => {
    const [iface] = parseIdl(calc, "calc.idl.ts");
    expect(iface.name).toBe("Calc");
    expect(iface.methods.map((m) => `${m.number}:${m.name}`)).toEqual([
      "1:ping",
      "2:add",
      "3:mix",
      "4:checksum",
      "5:manhattan",
      "6:sum6",
      "7:adopt",
      "8:reset",
      "9:handle",
      "10:page",
      "30583:fixed",
    ]);
    const manhattan = iface.methods[4];
    expect(manhattan.params[0].type).toEqual({
      kind: "struct",
      name: "Point",
      fields: [
        { name: "x", type: { kind: "scalar", name: "i32" } },
        { name: "y", type: { kind: "scalar", name: "i32" } },
      ],
    });
    expect(manhattan.returns).toBe("i32");
    expect(iface.methods[7].returns).toBeNull();
    expect(iface.methods[8].returns).toBe("cap");
    expect(iface.methods[9].returns).toBe("mapping");
    expect(iface.errors).toEqual([
      { name: "OVERFLOW", code: 0x20, doc: "the sum does not fit in 32 bits" },
      { name: "OUT_OF_RANGE", code: 0x21, doc: "the range is not inside the buffer" },
    ]);
    expect(iface.methods[1].errors).toEqual(["OVERFLOW"]);
    expect(iface.methods[1].doc).toBe("Adds two numbers.");
  });

  it("flattens nested structs and BufferRange fields", () => {
    const [iface] = parseIdl(
      "interface Box { at: Pos; data: BufferRange }\ninterface Pos { x: u16; y: u16 }\ninterface S { put(b: Box): void; }",
    );
    const type = iface.methods[0].params[0].type;
    expect(type.kind === "struct" && type.fields.map((f) => f.name)).toEqual([
      "at.x",
      "at.y",
      "data.offset",
      "data.length",
    ]);
  });

  it.each([
    ["interface S { f(a: string): void; }", "1:20: unknown type string"],
    ["interface S { f(a: u32): u64; }", "1:26: return type u64: a method returns void, one word"],
    ["interface S {\n  /** @label 0 */\n  f(): void;\n}", "2:7: @label 0: write a number from 1 to 0xffff"],
    ["interface S {\n  /** @label 0x10000 */\n  f(): void;\n}", "2:7: @label 0x10000: write a number"],
    ["interface S {\n  /** @label 2 */\n  f(): void;\n  g(): void;\n}", "4:3: g: label 0x2 is f's already"],
    ["interface S { f(receiveSlot: u32): Cap; }", "1:17: parameter name receiveSlot is taken"],
    ["interface S { /** @label 2 */ f(): void; }", "1:31: put the method's doc comment on a line of its own"],
    ["interface S { f(a: Cap, b: Cap): void; }", "1:15: f: at most one Cap parameter per method"],
    ["interface S { f(a): void; }", "1:17: parameter a needs a type"],
    ["interface S { f(a: u32); }", "1:15: a method needs a return type"],
    ["interface S { f(): void; x: u32; }", "1:26: a service interface holds only methods"],
    ["interface P { p: P }\ninterface S { f(p: P): void; }", "1:18: struct P contains itself"],
    [
      "interface P { c: Cap }\ninterface S { f(p: P): void; }",
      "1:15: struct field c: a Cap travels only as a parameter",
    ],
    ["interface S {\n  /** @error lower case */\n  f(): void;\n}", "2:7: write @error NAME description"],
    ["interface S { bind(): void; }", "1:15: method name bind is taken by the generated code"],
    ["interface S { f(idl: u32): void; }", "1:17: parameter name idl is taken by the generated code"],
    [
      "interface P { x: u32 }\ninterface S { f(p: P, p_x: u32): void; }",
      "2:15: parameter p_x appears twice once structs are flattened",
    ],
  ])("rejects %j with file:line:col", (text, message) => {
    expect(() => parseIdl(text, "x.idl.ts")).toThrow(IdlError);
    expect(() => parseIdl(text, "x.idl.ts")).toThrow(`x.idl.ts:${message}`);
  });
});
