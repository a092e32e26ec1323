/**
 * Compiled code run on the bare machine (v86) against the same wasm in Node: traps, division
 * corner cases, wide br_table, call_indirect checks, overlapping memory.copy, i64 helpers.
 */

import { compileSource } from "@sawmill/as-compiler";
import { type Call, DEFAULT_MEMORY_BASE, runInNode, runOnBareMetal } from "@sawmill/bare-runtime";
import { describe, expect, it } from "vitest";
import { compileModule } from "../src/index.js";

const PROGRAM = `
export function divS(a: i32, b: i32): i32 { return a / b; }
export function remS(a: i32, b: i32): i32 { return a % b; }
export function divU(a: u32, b: u32): u32 { return a / b; }
export function div64(a: i64, b: i64): i64 { return a / b; }
export function rem64u(a: u64, b: u64): u64 { return a % b; }
export function state(x: i32): i32 {
  switch (x) {
    ${Array.from({ length: 30 }, (_, k) => `case ${k}: return ${k * 7 - 3};`).join("\n")}
  }
  return 99;
}
function twice(x: i32): i32 { return x * 2; }
function negate(x: i32): i32 { return -x; }
function wide(x: i64): i64 { return x; }
// taking the functions as values puts them in the table
export function keep(): i32 {
  const a = twice;
  const b = negate;
  const c = wide;
  return changetype<i32>(a) ^ changetype<i32>(b) ^ changetype<i32>(c);
}
export function indirect(i: u32, x: i32): i32 { return call_indirect<i32>(i, x); }
const BUFFER = memory.data(4096);
export function moveOverlap(shift: i32): i32 {
  const at = BUFFER + 1000;
  for (let i = 0; i < 16; i++) store<u8>(at + i, i);
  memory.copy(at + shift, at, 8);
  let h = 0;
  for (let i = 0; i < 24; i++) h = h * 31 + load<u8>(at + i);
  return h;
}
export function fill(v: i32): i32 { memory.fill(BUFFER + 2000, <u8>v, 10); return load<i32>(BUFFER + 2004); }
`;

const CALLS: Call[] = [
  { export: "divS", args: [7, 2] },
  { export: "divS", args: [-2147483648, -1] },
  { export: "divS", args: [1, 0] },
  { export: "remS", args: [-2147483648, -1] },
  { export: "remS", args: [-7, 2] },
  { export: "divU", args: [-1, 3] },
  { export: "div64", args: [-(2n ** 63n), -1n] },
  { export: "div64", args: [123456789012345n, -1000n] },
  { export: "div64", args: [5n, 0n] },
  { export: "rem64u", args: [-1n, 2n ** 40n + 3n] },
  { export: "rem64u", args: [-1n, 10n] },
  ...[-1, 0, 5, 29, 30, 1000].map((x) => ({ export: "state", args: [x] })),
  { export: "keep", args: [] },
  ...[0, 1, 2, 3, 4, 9, -1].map((i) => ({ export: "indirect", args: [i, 21] })),
  ...[-3, 0, 3, 7].map((s) => ({ export: "moveOverlap", args: [s] })),
  { export: "fill", args: [0x1ab] },
];

describe("compiled code on the bare machine agrees with Node", () => {
  it("traps, division, br_table, call_indirect, bulk memory", async () => {
    const wasm = await compileSource(PROGRAM);
    const node = await runInNode(wasm, CALLS);
    const bare = await runOnBareMetal(compileModule(wasm, { memoryBase: DEFAULT_MEMORY_BASE }), CALLS);
    expect(bare.results).toEqual(node.results);
    expect(node.results.filter((r) => "trap" in r).length).toBeGreaterThanOrEqual(5);
  });
});
