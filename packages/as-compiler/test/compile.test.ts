import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { AscError, compileFile, compileSource } from "../src/index.js";

async function instantiate(wasm: Uint8Array): Promise<Record<string, unknown>> {
  const { instance } = await WebAssembly.instantiate(wasm, { env: { abort: () => {} } });
  return instance.exports;
}

describe("compileFile", () => {
  it("compiles an entry file and its relative imports", async () => {
    const wasm = await compileFile(fileURLToPath(new URL("fixtures/entry.ts", import.meta.url)));
    const exports = await instantiate(wasm);
    expect((exports.quadruple as (x: number) => number)(5)).toBe(20);
  });
});

describe("compileSource", () => {
  it("compiles a source text, the same bytes from the cache the second time", async () => {
    const source = "export function add(a: i32, b: i32): i32 { return a + b; }";
    const first = await compileSource(source);
    const second = await compileSource(source);
    expect(second).toEqual(first);
    expect(((await instantiate(first)).add as (a: number, b: number) => number)(2, 3)).toBe(5);
  });

  it("resolves imports of in-memory files", async () => {
    const wasm = await compileSource(
      'import { K } from "./constants"; export function k(): i32 { return K; }',
      {
        files: { "constants.ts": "export const K: i32 = 42;" },
      },
    );
    expect(((await instantiate(wasm)).k as () => number)()).toBe(42);
  });

  it("reports asc's diagnostics with the position", async () => {
    const error = await compileSource("export function f(): i32 { return nope; }").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AscError);
    expect((error as Error).message).toMatch(/Cannot find name 'nope'/);
    expect((error as Error).message).toMatch(/input\.ts\(1,/);
  });
});
