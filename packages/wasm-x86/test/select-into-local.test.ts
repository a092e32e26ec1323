/**
 * `local.set $l (select …)` with $l as one arm compiles to one cmov into $l's register
 * (src/lower/select.ts). Against Node: either arm kept, a flags condition and a plain value
 * condition, the other arm reading $l itself, and an older read of $l still on the stack.
 */

import type { Call } from "@sawmill/bare-runtime";
import { describe, it } from "vitest";
import { op } from "../src/decoder/opcodes.js";
import { expectSameResults } from "./same-results.js";
import { code, type FunctionSpec } from "./wasm-builder.js";

const [a, b, c, l] = [code.get(0), code.get(1), code.get(2), code.get(3)];
const k = code.i32;
const o = code.op;
const setL = [op("local.set"), 3];

/** `l = a; <older>; l = select(...); return <older> + l * 3` with the given select operands. */
function selectInto(name: string, operands: number[], keepOlder = false): FunctionSpec {
  return {
    name,
    params: ["i32", "i32", "i32"],
    results: ["i32"],
    locals: ["i32"],
    body: [
      ...a,
      ...setL,
      ...(keepOlder ? l : k(0)),
      ...operands,
      op("select"),
      ...setL,
      ...l,
      ...k(3),
      ...o("i32.mul"),
      ...o("i32.add"),
    ],
  };
}

const FUNCTIONS: FunctionSpec[] = [
  // if (b == c) l = l + 1
  selectInto("incrementWhenEqual", [...l, ...k(1), ...o("i32.add"), ...l, ...b, ...c, ...o("i32.eq")]),
  // if (b != c) l = l + 3   (l kept when true, the other arm an increment of l)
  selectInto("incrementUnlessEqual", [...l, ...l, ...k(3), ...o("i32.add"), ...b, ...c, ...o("i32.eq")]),
  // if (!(b <s c)) l = b   (l kept when true)
  selectInto("keepWhenLess", [...l, ...b, ...b, ...c, ...o("i32.lt_s")]),
  // if (b) l = c - l       (plain value condition)
  selectInto("valueCondition", [...c, ...l, ...o("i32.sub"), ...l, ...b]),
  // the old l is still on the stack below the select
  selectInto("olderReadBelow", [...l, ...k(-7), ...o("i32.add"), ...l, ...b, ...c, ...o("i32.gt_u")], true),
];

const ARGS = [
  [5, 1, 1],
  [5, 1, 2],
  [-3, 9, -9],
  [0x7fffffff, 0, 0],
  [100, -1, 4],
];

const CALLS: Call[] = FUNCTIONS.flatMap((f) => ARGS.map((args) => ({ export: f.name, args })));

describe("select stored into one of its arms' local", () => {
  it("agrees with Node for either arm, any condition and older reads", async () => {
    await expectSameResults(FUNCTIONS, CALLS);
  });
});
