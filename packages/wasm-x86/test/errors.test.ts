import { describe, expect, it } from "vitest";
import { CompileError, compileModule } from "../src/index.js";

/** A hand-assembled module: (func (export "f") i32.const 0 i32.const 0 i32.const 0 memory.init 0 drop?) */
function moduleWithMemoryInit(): Uint8Array {
  const body = [0x00, 0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0xfc, 0x08, 0x00, 0x00, 0x0b];
  return new Uint8Array([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    0x01,
    0x04,
    0x01,
    0x60,
    0x00,
    0x00, // type () -> ()
    0x03,
    0x02,
    0x01,
    0x00, // one function of type 0
    0x05,
    0x03,
    0x01,
    0x00,
    0x01, // memory 1
    0x07,
    0x05,
    0x01,
    0x01,
    0x66,
    0x00,
    0x00, // export "f"
    0x0c,
    0x01,
    0x01, // data count 1
    0x0a,
    body.length + 2,
    0x01,
    body.length,
    ...body,
    0x0b,
    0x04,
    0x01,
    0x01,
    0x01,
    0x2a, // passive data segment [42]
  ]);
}

describe("CompileError", () => {
  it("names the function, byte offset and opcode of what it cannot compile", () => {
    const wasm = moduleWithMemoryInit();
    let caught: unknown;
    try {
      compileModule(wasm, { memoryBase: 0x100000 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CompileError);
    const error = caught as CompileError;
    expect(error.functionIndex).toBe(0);
    expect(error.opcode).toBe("memory.init");
    expect(wasm[error.offset]).toBe(0xfc);
    expect(error.message).toMatch(/function 0, byte offset \d+ at memory\.init/);
  });
});
