/**
 * Condition blocks: an `if (result i32)` (or `block (result i32)`) whose value only feeds the
 * `if` right after its `end` — asc's shape for `a && b` / `a || b` conditions. Instead of
 * materializing 0/1 in eax and testing it again, each arm branches straight to the following
 * if's then-arm (true) or its else target (false).
 *
 * Layer: lowering support for `control.ts`. Applies only when no branch inside targets the
 * block (its value then always arrives by falling out of an arm). The state at both labels is
 * the block's base, exactly as at the following `if` after popping its condition.
 */

import type { Label } from "@sawmill/x86";
import { negate } from "../codegen/conditions.js";
import type { FunctionCompiler } from "../codegen/function-compiler.js";
import { op } from "../decoder/opcodes.js";
import { truthCondition } from "./control.js";
import { isConst } from "./values.js";

export interface ConditionTargets {
  readonly trueLabel: Label;
  readonly falseLabel: Label;
  /** Index of the block's `end`; the consuming `if` is the next instruction. */
  readonly endIndex: number;
  /** The last arm falls through to the false target (a rotated loop's exit jump) instead. */
  readonly fallThroughFalse?: boolean;
}

const OPENERS = new Set(["block", "loop", "if"].map(op));
const END = op("end");
const IF = op("if");
const BR = op("br");
const BR_IF = op("br_if");
const BR_TABLE = op("br_table");

/** Plans the rewrite for the block opened at `start`, or null when it does not apply. */
export function planConditionBlock(fc: FunctionCompiler, start: number): ConditionTargets | null {
  const instrs = fc.input.instrs;
  let depth = 0;
  for (let k = start + 1; k < instrs.length; k++) {
    const instr = instrs[k];
    if (OPENERS.has(instr.op)) depth++;
    else if (instr.op === END && depth-- === 0) {
      const next = instrs[k + 1];
      const plainIf =
        next?.op === IF && next.block !== null && "result" in next.block && next.block.result === null;
      if (!plainIf) return null;
      if (fc.conditionOverride?.endIndex === k) return fc.conditionOverride;
      return { trueLabel: fc.a.newLabel(), falseLabel: fc.a.newLabel(), endIndex: k };
    } else if ((instr.op === BR || instr.op === BR_IF) && instr.index === depth) return null;
    else if (instr.op === BR_TABLE && instr.targets!.includes(depth)) return null;
  }
  return null;
}

/**
 * Ends an arm: branches on the value on top of the stack. The last arm falls through to the
 * true label, which the consuming `if` binds right after the block.
 */
export function branchOnValue(fc: FunctionCompiler, targets: ConditionTargets, lastArm: boolean): void {
  const value = fc.s.pop();
  const fallThrough = targets.fallThroughFalse ? targets.falseLabel : targets.trueLabel;
  if (isConst(value)) {
    const target = value.loc.n !== 0 ? targets.trueLabel : targets.falseLabel;
    if (!(lastArm && target === fallThrough)) fc.a.jmp(target);
    return;
  }
  const cc = truthCondition(fc, value);
  if (lastArm && targets.fallThroughFalse) {
    fc.a.jcc(cc, targets.trueLabel);
  } else if (lastArm) {
    fc.a.jcc(negate(cc), targets.falseLabel);
  } else {
    fc.a.jcc(cc, targets.trueLabel);
    fc.a.jmp(targets.falseLabel);
  }
}
