import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { canonicalText, fnv1a, interfaceHash, parseIdl } from "../src/index.js";

const read = (name: string) => readFileSync(new URL(`./idl/${name}`, import.meta.url), "utf8");
const hashOf = (text: string) => interfaceHash(parseIdl(text)[0]);

describe("interface identity", () => {
  it("is FNV-1a of the canonical text: name, methods in order, parameter types, errors", () => {
    const [iface] = parseIdl(
      "interface S {\n  /** @error BAD it is */\n  f(a: u32, p: BufferRange): bool;\n}",
    );
    expect(canonicalText(iface)).toBe("idl1 interface S{1:f(u32,{u32,u32}):bool}errors{BAD=32}");
    expect(interfaceHash(iface)).toBe(fnv1a(canonicalText(iface)));
    // Published FNV-1a 32 test vectors.
    expect(fnv1a("")).toBe(0x811c9dc5);
    expect(fnv1a("a")).toBe(0xe40c292c);
    expect(fnv1a("foobar")).toBe(0xbf9cf968);
  });

  it("ignores parameter names, comments and layout", () => {
    expect(hashOf("interface S { f(a: u32): void; }")).toBe(
      hashOf("/** doc */ interface S {\n  // hi\n  f(renamed: u32): void;\n}"),
    );
  });

  it.each([
    ["a method added", "interface S { f(a: u32): void; g(): void; }"],
    ["methods reordered", "interface S { g(): void; f(a: u32): void; }"],
    ["a type changed", "interface S { f(a: i32): void; }"],
    ["the return changed", "interface S { f(a: u32): u32; }"],
    ["the interface renamed", "interface T { f(a: u32): void; }"],
    ["an error added", "interface S {\n  /** @error E e */\n  f(a: u32): void;\n}"],
  ])("changes when %s", (_what, text) => {
    expect(hashOf(text)).not.toBe(hashOf("interface S { f(a: u32): void; }"));
  });

  it("tells the two test versions of Calc apart", () => {
    expect(hashOf(read("calc.idl.ts"))).not.toBe(hashOf(read("calc-v2.idl.ts")));
  });
});
