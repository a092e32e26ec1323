import { describe, expect, it } from "vitest";
import { Code, ModuleBuilder, name, section, vector } from "../src/index.js";

function runnable(): ModuleBuilder {
  const m = new ModuleBuilder();
  m.imports.push({ module: "env", name: "twice", type: { params: ["i32"], results: ["i32"] } });
  m.memory = { min: 1, max: 2 };
  m.globals.push({ type: "i64", init: new Code().i64Const(-5n) });
  const add = m.nextFunctionIndex;
  m.functions.push({
    type: { params: ["i32", "i32"], results: ["i32"] },
    locals: ["i32"],
    body: new Code().op("local.get", 0).op("local.get", 1).op("i32.add").op("call", 0),
    exportName: "addTwice",
  });
  m.table = [null, add];
  const addType = m.typeIndex({ params: ["i32", "i32"], results: ["i32"] });
  m.functions.push({
    type: { params: [], results: ["i64"] },
    locals: [],
    body: new Code()
      .i32Const(3)
      .i32Const(-4)
      .i32Const(1)
      .op("call_indirect", addType, 0)
      .op("i64.extend_i32_s")
      .op("global.get", 0)
      .op("i64.add")
      .i32Const(0)
      .i64Const(2n ** 40n)
      .memory("i64.store", 3, 8)
      .i32Const(0)
      .memory("i64.load", 3, 8)
      .op("i64.add"),
    exportName: "run",
  });
  return m;
}

describe("ModuleBuilder", () => {
  it("encodes a module that validates and runs in Node", async () => {
    const bytes = runnable().encode();
    expect(WebAssembly.validate(bytes)).toBe(true);
    const { instance } = await WebAssembly.instantiate(bytes, { env: { twice: (x: number) => 2 * x } });
    const exports = instance.exports as { addTwice: (a: number, b: number) => number; run: () => bigint };
    expect(exports.addTwice(20, 1)).toBe(42);
    expect(exports.run()).toBe(-2n - 5n + 2n ** 40n);
  });

  it("keeps a function type's index once assigned", () => {
    const m = new ModuleBuilder();
    const first = m.typeIndex({ params: ["f64"], results: [] });
    m.typeIndex({ params: [], results: ["f32"] });
    expect(m.typeIndex({ params: ["f64"], results: [] })).toBe(first);
  });
});

describe("sections", () => {
  it("frames content with its id and size", () => {
    expect(section(7, vector([name("f")]))).toEqual([7, 3, 1, 1, 0x66]);
  });
});
