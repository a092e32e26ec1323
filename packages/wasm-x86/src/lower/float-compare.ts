/**
 * Lowering of f32/f64 eq, ne, lt, gt, le, ge.
 *
 * Layer: per-opcode lowering. After `ucomisd a, b` an unordered result (a NaN operand) sets
 * ZF, PF and CF together, so:
 * - gt and ge are "a" (CF=0 ∧ ZF=0) and "ae" (CF=0) on (a, b), false when unordered;
 * - lt and le are the same on swapped operands (b, a);
 * - eq and ne need ZF and PF at once, which no single condition code reads: they use the
 *   cmpsd predicates EQ (ordered) and NEQ (unordered or different) and test the mask.
 * Like the i32 compares, the result stays a flags condition when a branch, select or eqz
 * consumes it next.
 */

import type { Cond } from "../codegen/conditions.js";
import type { Lowering } from "../codegen/function-compiler.js";
import { ucomi } from "./float-arith.js";
import type { FloatType } from "./float-constants.js";
import { floatSource, ownedXmm } from "./float-values.js";
import { pushCondition } from "./i32.js";
import { nextTakesCondition } from "./values.js";

/** gt/ge (swap = false) and lt/le (swap = true) through ucomisd and one condition code. */
function ordered(cc: Cond, swap: boolean): Lowering {
  return (fc) => {
    const rhs = fc.s.pop();
    const lhs = fc.s.pop();
    const [first, second] = swap ? [rhs, lhs] : [lhs, rhs];
    const reg = ownedXmm(fc, first);
    ucomi(fc, first.type as FloatType, reg, floatSource(fc, second));
    fc.s.free(reg);
    fc.s.release(second);
    pushCondition(fc, cc);
    return 0;
  };
}

const EQUAL = 0;
const NOT_EQUAL = 4;

/** eq/ne through a cmpsd mask moved to a general register. */
function equality(predicate: typeof EQUAL | typeof NOT_EQUAL): Lowering {
  return (fc) => {
    const rhs = fc.s.pop();
    const lhs = fc.s.pop();
    const mask = ownedXmm(fc, lhs);
    const src = floatSource(fc, rhs);
    if (lhs.type === "f32") fc.a.cmpss(mask, src, predicate);
    else fc.a.cmpsd(mask, src, predicate);
    fc.s.release(rhs);
    const bits = fc.s.allocGpr();
    fc.a.movd(bits, mask);
    fc.s.free(mask);
    if (nextTakesCondition(fc)) {
      fc.a.test(bits, bits);
      fc.s.free(bits);
      fc.s.push("i32", { kind: "cond", cc: "ne" });
    } else {
      fc.a.and(bits, 1);
      fc.s.push("i32", { kind: "reg", reg: bits });
    }
    return 0;
  };
}

export const floatCompareLowerings: Record<string, Lowering> = {};

for (const type of ["f32", "f64"] as const) {
  Object.assign(floatCompareLowerings, {
    [`${type}.eq`]: equality(EQUAL),
    [`${type}.ne`]: equality(NOT_EQUAL),
    [`${type}.gt`]: ordered("a", false),
    [`${type}.ge`]: ordered("ae", false),
    [`${type}.lt`]: ordered("a", true),
    [`${type}.le`]: ordered("ae", true),
  });
}
