/**
 * Lazy addresses and fused local writes on hand-written bodies, run on the bare machine and in
 * Node: an operation that computes straight into a local's register must still read a lazy
 * `local + …` operand first, and `local.set` must evaluate pending lazy reads of the old value.
 */

import { type Call, DEFAULT_MEMORY_BASE, runInNode, runOnBareMetal } from "@sawmill/bare-runtime";
import { describe, expect, it } from "vitest";
import { compileModule } from "../src/index.js";
import { buildModule, code, type FunctionSpec } from "./wasm-builder.js";

const set = (index: number) => [...code.op("local.set"), index];
const tee = (index: number) => [...code.op("local.tee"), index];
const op = code.op;

const FUNCTIONS: FunctionSpec[] = [
  {
    // x = a; x = (x + b) * -1 (tee); return x + x — the mul computes into x's register
    name: "negatedSum",
    params: ["i32", "i32"],
    results: ["i32"],
    locals: ["i32"],
    body: [
      ...code.get(0),
      ...set(2),
      ...code.get(2),
      ...code.get(1),
      ...op("i32.add"),
      ...code.i32(-1),
      ...op("i32.mul"),
      ...tee(2),
      ...code.get(2),
      ...op("i32.add"),
    ],
  },
  {
    // x = a; x = (x << 2) + b; return x ^ b — a scaled lazy address stored back into x
    name: "scaledSum",
    params: ["i32", "i32"],
    results: ["i32"],
    locals: ["i32"],
    body: [
      ...code.get(0),
      ...set(2),
      ...code.get(2),
      ...code.i32(2),
      ...op("i32.shl"),
      ...code.get(1),
      ...op("i32.add"),
      ...set(2),
      ...code.get(2),
      ...code.get(1),
      ...op("i32.xor"),
    ],
  },
  {
    // x = a; push x + 5 (lazy); x = 7; return (a + 5) + x — the pending read must see the old x
    name: "pendingRead",
    params: ["i32"],
    results: ["i32"],
    locals: ["i32"],
    body: [
      ...code.get(0),
      ...set(1),
      ...code.get(1),
      ...code.i32(5),
      ...op("i32.add"),
      ...code.i32(7),
      ...set(1),
      ...code.get(1),
      ...op("i32.add"),
    ],
  },
];

const VALUES = [0, 1, -1, 7, 0x7fffffff, -0x80000000, 123456789];
const CALLS: Call[] = [
  ...VALUES.flatMap((a) => VALUES.map((b) => ({ export: "negatedSum", args: [a, b] }))),
  ...VALUES.flatMap((a) => VALUES.map((b) => ({ export: "scaledSum", args: [a, b] }))),
  ...VALUES.map((a) => ({ export: "pendingRead", args: [a] })),
];

describe("fused local writes and lazy addresses", () => {
  it("agree with Node", async () => {
    const wasm = buildModule(FUNCTIONS);
    const node = await runInNode(wasm, CALLS);
    const bare = await runOnBareMetal(compileModule(wasm, { memoryBase: DEFAULT_MEMORY_BASE }), CALLS);
    expect(bare.results).toEqual(node.results);
  });
});
