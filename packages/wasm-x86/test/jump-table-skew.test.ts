/**
 * br_table on `x - d` indexes its jump table by x with d leading default entries
 * (src/lower/jump-table-skew.ts). Against Node: every x around both ends of the table, and the
 * values where x - d wraps.
 */

import type { Call } from "@sawmill/bare-runtime";
import { describe, it } from "vitest";
import { op } from "../src/decoder/opcodes.js";
import { expectSameResults } from "./same-results.js";
import { code, type FunctionSpec } from "./wasm-builder.js";

const TARGETS = 6;

/** `switch (x - d)` over TARGETS cases and a default, each returning its own number. */
function switchOn(name: string, d: number): FunctionSpec {
  const opens = Array.from({ length: TARGETS + 1 }, () => [op("block"), 0x40]).flat();
  const table = [op("br_table"), TARGETS, ...Array.from({ length: TARGETS + 1 }, (_, k) => k)];
  const arms = Array.from({ length: TARGETS + 1 }, (_, k) => [
    op("end"),
    ...code.i32(10 + k),
    op("return"),
  ]).flat();
  return {
    name,
    params: ["i32"],
    results: ["i32"],
    body: [
      ...opens,
      ...code.get(0),
      ...code.i32(d),
      ...code.op("i32.sub"),
      ...table,
      ...arms,
      ...code.i32(99),
    ],
  };
}

const FUNCTIONS = [1, 2, 4, 5].map((d) => switchOn(`minus${d}`, d));
const XS = [...Array.from({ length: TARGETS + 8 }, (_, x) => x), -1, -4, 0x7fffffff, -0x80000000];
const CALLS: Call[] = FUNCTIONS.flatMap((f) => XS.map((x) => ({ export: f.name, args: [x] })));

describe("jump tables on x - d", () => {
  it("pick the same case as Node for every x", async () => {
    await expectSameResults(FUNCTIONS, CALLS);
  });
});
