/**
 * br_if and if on or/and/eqz trees of comparisons (src/lower/branch-conditions.ts) against
 * Node: each function returns 7 when its br_if is taken (or its if takes the then-arm) and 3
 * when not, over a grid of arguments that puts every comparison on both sides of its boundary.
 */

import type { Call } from "@sawmill/bare-runtime";
import { describe, it } from "vitest";
import { op } from "../src/decoder/opcodes.js";
import { expectSameResults } from "./same-results.js";
import { code, type FunctionSpec } from "./wasm-builder.js";

const [a, b, c] = [code.get(0), code.get(1), code.get(2)];
const k = code.i32;
const o = code.op;

/** `block { <condition>; br_if 0; return 7 } return 3` */
function branchOn(name: string, condition: number[]): FunctionSpec {
  return {
    name,
    params: ["i32", "i32", "i32"],
    results: ["i32"],
    body: [op("block"), 0x40, ...condition, op("br_if"), 0, ...k(7), op("return"), op("end"), ...k(3)],
  };
}

/** `(if (result i32) <condition> (then 7) (else 3))`, with a value live across the if. */
function ifOn(name: string, condition: number[]): FunctionSpec {
  return {
    name,
    params: ["i32", "i32", "i32"],
    results: ["i32"],
    body: [...c, ...condition, ...code.ifElse("i32", k(7), k(3)), ...o("i32.add"), ...c, ...o("i32.sub")],
  };
}

const CONDITIONS: [string, number[]][] = [
  // the lexer's identifier test: c == '_' || c - 'a' <u 26 || c - '0' <u 10
  [
    "letterOrDigit",
    [
      ...[...a, ...k(95), ...o("i32.eq")],
      ...[...a, ...k(97), ...o("i32.sub"), ...k(26), ...o("i32.lt_u")],
      ...o("i32.or"),
      ...[...a, ...k(48), ...o("i32.sub"), ...k(10), ...o("i32.lt_u")],
      ...o("i32.or"),
    ],
  ],
  ["both", [...a, ...b, ...o("i32.lt_s"), ...c, ...k(5), ...o("i32.ge_u"), ...o("i32.and")]],
  ["neither", [...a, ...b, ...o("i32.eq"), ...c, ...a, ...o("i32.gt_s"), ...o("i32.or"), ...o("i32.eqz")]],
  [
    "mixed",
    [
      ...[...a, ...k(1), ...o("i32.eq"), ...b, ...k(2), ...o("i32.ne"), ...o("i32.and")],
      ...[...a, ...c, ...o("i32.lt_u"), ...b, ...c, ...o("i32.gt_u"), ...o("i32.and"), ...o("i32.eqz")],
      ...o("i32.or"),
    ],
  ],
  ["constantsFirst", [...k(5), ...a, ...o("i32.lt_s"), ...k(100), ...b, ...o("i32.eq"), ...o("i32.or")]],
];

const FUNCTIONS: FunctionSpec[] = [
  ...CONDITIONS.map(([name, condition]) => branchOn(name, condition)),
  ...CONDITIONS.map(([name, condition]) => ifOn(`${name}If`, condition)),
];

const A = [0, 1, 5, 47, 48, 57, 58, 95, 96, 97, 122, 123, -1, 0x7fffffff, -0x80000000];
const BC = [
  [-1, 0],
  [2, 5],
  [5, 200],
  [100, -1],
];

const CALLS: Call[] = FUNCTIONS.flatMap((f) =>
  A.flatMap((x) => BC.map(([y, z]) => ({ export: f.name, args: [x, y, z] }))),
);

describe("br_if on combined comparisons", () => {
  it("branches exactly when Node's wasm does", async () => {
    await expectSameResults(FUNCTIONS, CALLS);
  });
});
