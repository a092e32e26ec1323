import { compileSource } from "@sawmill/as-compiler";
import { describe, expect, it } from "vitest";
import { decodeModule } from "../src/decoder/decode-module.js";
import { decodeInstructions } from "../src/decoder/instructions.js";
import { op } from "../src/decoder/opcodes.js";

const SOURCE = `
const table = memory.data<u8>([1, 2, 3, 4]);
let counter: i32 = 7;
@external("env", "log") declare function log(x: i32): void;
export function add(a: i32, b: i64): i64 { counter++; log(a); return <i64>a + b; }
export function first(): u8 { return load<u8>(table); }
`;

describe("decodeModule on asc output", () => {
  it("reads types, imports, functions, globals, exports, memory and data", async () => {
    const m = decodeModule(await compileSource(SOURCE));
    expect(m.functionImports).toEqual([{ module: "env", name: "log", typeIndex: expect.any(Number) }]);
    expect(m.types[m.functionImports[0].typeIndex]).toEqual({ params: ["i32"], results: [] });
    const exported = m.exports.filter((e) => e.kind === "func").map((e) => e.name);
    expect(exported).toEqual(["add", "first"]);
    const add = m.exports.find((e) => e.name === "add")!;
    const addType = m.types[m.functions[add.index - m.functionImports.length].typeIndex];
    expect(addType).toEqual({ params: ["i32", "i64"], results: ["i64"] });
    expect(m.globals.some((g) => g.mutable && g.init.kind === "i32" && g.init.value === 7)).toBe(true);
    expect(m.memory?.min).toBeGreaterThanOrEqual(1);
    expect(m.data.some((d) => d.offset !== null && [...d.bytes].join() === "1,2,3,4")).toBe(true);
  });

  it("decodes a body into instructions with byte offsets ending in `end`", async () => {
    const bytes = await compileSource(SOURCE);
    const m = decodeModule(bytes);
    for (const body of m.functions) {
      const instrs = decodeInstructions(bytes, body.codeStart, body.codeEnd);
      expect(instrs[0].at).toBe(body.codeStart);
      expect(instrs.at(-1)!.op).toBe(op("end"));
      for (let i = 1; i < instrs.length; i++) expect(instrs[i].at).toBeGreaterThan(instrs[i - 1].at);
    }
  });

  it("rejects a non-wasm input with the offset", () => {
    expect(() => decodeModule(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]))).toThrow(/bad magic.*offset 0/);
  });
});
