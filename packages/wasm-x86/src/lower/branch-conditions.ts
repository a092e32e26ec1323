/**
 * `br_if` and `if` on an `i32.or` / `i32.and` / `i32.eqz` tree of comparisons: a chain of
 * compare-and-jump instead of 0/1 values combined and tested (`c == 95 || c - 97 <u 26 ||
 * c - 48 <u 10` becomes three `cmp; jcc target`). An `if` takes the chain through
 * `fc.pendingCondition` (its true label falls into the then-arm, its false label is the else).
 *
 * Layer: lowering fusion, entered from the first instruction of such a tree (`local.get`).
 * Interface: `lowerBranchCondition(fc)` returns how many instructions after the current one
 * it consumed (through the br_if, or up to the if), or null when it starts no such tree.
 * An `if` right after `loop` is left to loop rotation, which re-lowers header tests itself.
 *
 * Exactness: every leaf is a comparison of `local.get` / `i32.const` / `i32.add` / `i32.sub`
 * operands — pure and trap-free — so evaluating only as many leaves as decide the outcome
 * changes nothing but the instruction count. `or` is exact for any operands (a | b is nonzero
 * iff one of them is); `and` is only used on 0/1 operands (comparisons and their combinations),
 * where a & b is nonzero iff both are. Branches that carry a value are left alone.
 */

import type { Label } from "@sawmill/x86";
import { type Cond, negate, swapOperands } from "../codegen/conditions.js";
import type { FunctionCompiler } from "../codegen/function-compiler.js";
import type { Instr } from "../decoder/instructions.js";
import { op } from "../decoder/opcodes.js";
import { freeOperands, isConst, ownedReg, source32 } from "./values.js";

interface ValueTree {
  readonly kind: "value";
  readonly start: number;
  readonly end: number;
}

type Tree =
  | ValueTree
  | {
      readonly kind: "compare";
      readonly cc: Cond;
      readonly left: ValueTree;
      readonly right: ValueTree;
      readonly start: number;
    }
  | { readonly kind: "or" | "and"; readonly left: Tree; readonly right: Tree; readonly start: number }
  | { readonly kind: "eqz"; readonly operand: Tree; readonly start: number };

const COMPARES = new Map<number, Cond>(
  (
    [
      ["i32.eq", "e"],
      ["i32.ne", "ne"],
      ["i32.lt_s", "l"],
      ["i32.lt_u", "b"],
      ["i32.gt_s", "g"],
      ["i32.gt_u", "a"],
      ["i32.le_s", "le"],
      ["i32.le_u", "be"],
      ["i32.ge_s", "ge"],
      ["i32.ge_u", "ae"],
    ] as const
  ).map(([name, cc]) => [op(name), cc]),
);
const LEAF_VALUES = new Set([op("local.get"), op("i32.const")]);
const VALUE_OPS = new Set([op("i32.add"), op("i32.sub")]);
const OR = op("i32.or");
const AND = op("i32.and");
const EQZ = op("i32.eqz");
const BR_IF = op("br_if");
const IF = op("if");
const LOOP = op("loop");
const LOCAL_GET = op("local.get");

/** The pure value expression ending at `end`, or null. */
function parseValue(instrs: readonly Instr[], end: number): ValueTree | null {
  const instr = instrs[end];
  if (!instr) return null;
  if (LEAF_VALUES.has(instr.op)) return { kind: "value", start: end, end };
  if (!VALUE_OPS.has(instr.op)) return null;
  const right = parseValue(instrs, end - 1);
  const left = right && parseValue(instrs, right.start - 1);
  return left ? { kind: "value", start: left.start, end } : null;
}

/** The boolean tree ending at `end` (comparisons combined by or/and/eqz), or null. */
function parseCondition(instrs: readonly Instr[], end: number): Tree | null {
  const instr = instrs[end];
  if (!instr) return null;
  const cc = COMPARES.get(instr.op);
  if (cc) {
    const right = parseValue(instrs, end - 1);
    const left = right && parseValue(instrs, right.start - 1);
    return left && right ? { kind: "compare", cc, left, right, start: left.start } : null;
  }
  if (instr.op === EQZ) {
    const operand = parseCondition(instrs, end - 1);
    return operand ? { kind: "eqz", operand, start: operand.start } : null;
  }
  if (instr.op !== OR && instr.op !== AND) return null;
  const right = parseCondition(instrs, end - 1);
  const left = right && parseCondition(instrs, right.start - 1);
  return left && right ? { kind: instr.op === OR ? "or" : "and", left, right, start: left.start } : null;
}

type LowerGet = (fc: FunctionCompiler, instr: Instr) => number | undefined;

interface Plan {
  readonly tree: Tree;
  readonly branch: number;
}

const plans = new WeakMap<readonly Instr[], Map<number, Plan>>();

/** br_if and if conditions worth a jump chain (at least one or/and), by the index they start at. */
function plansOf(instrs: readonly Instr[]): Map<number, Plan> {
  let found = plans.get(instrs);
  if (found) return found;
  found = new Map();
  instrs.forEach((instr, branch) => {
    if (instr.op !== BR_IF && instr.op !== IF) return;
    const tree = parseCondition(instrs, branch - 1);
    if (!tree || !combines(tree) || instrs[tree.start].op !== LOCAL_GET) return;
    if (instr.op === IF && instrs[tree.start - 1]?.op === LOOP) return;
    found!.set(tree.start, { tree, branch });
  });
  plans.set(instrs, found);
  return found;
}

function combines(tree: Tree): boolean {
  if (tree.kind === "or" || tree.kind === "and") return true;
  return tree.kind === "eqz" && combines(tree.operand);
}

/** Lowers instructions start..end of a value operand normally (they push one entry). */
function lowerValue(fc: FunctionCompiler, tree: ValueTree, lowerGet: LowerGet): void {
  for (let k = tree.start; k <= tree.end; k++) {
    fc.pc = k;
    const instr = fc.input.instrs[k];
    const lowering = instr.op === LOCAL_GET ? lowerGet : fc.ctx.lowering(instr.op)!;
    const extra = lowering(fc, instr) ?? 0;
    if (extra !== 0) throw new Error("a fused lowering inside a branch condition");
  }
}

/** Emits `cmp` for a comparison leaf; returns the condition under which it is true. */
function compare(fc: FunctionCompiler, tree: Tree & { kind: "compare" }, lowerGet: LowerGet): Cond {
  lowerValue(fc, tree.left, lowerGet);
  lowerValue(fc, tree.right, lowerGet);
  let rhs = fc.s.pop();
  let lhs = fc.s.pop();
  let cc = tree.cc;
  if (isConst(lhs)) {
    [lhs, rhs] = [rhs, lhs];
    cc = swapOperands(cc);
  }
  const left = source32(fc, lhs);
  const right = source32(fc, rhs);
  const bothMemory =
    typeof left === "object" && left.kind === "mem" && typeof right === "object" && right.kind === "mem";
  // cmp takes no immediate first and at most one memory operand
  const first = typeof left === "number" || bothMemory ? ownedReg(fc, lhs) : left;
  fc.a.cmp(first, right);
  fc.s.release(lhs);
  fc.s.release(rhs);
  freeOperands(fc, first, right);
  return cc;
}

/** Emits code that jumps to `target` when the tree's truth equals `when`, else falls through. */
function branchOn(fc: FunctionCompiler, tree: Tree, target: Label, when: boolean, lowerGet: LowerGet): void {
  switch (tree.kind) {
    case "compare": {
      const cc = compare(fc, tree, lowerGet);
      fc.a.jcc(when ? cc : negate(cc), target);
      return;
    }
    case "eqz":
      branchOn(fc, tree.operand, target, !when, lowerGet);
      return;
    case "or":
    case "and": {
      // or jumps as soon as one side is true, and as soon as one side is false
      const decisive = tree.kind === "or";
      if (when === decisive) {
        branchOn(fc, tree.left, target, when, lowerGet);
        branchOn(fc, tree.right, target, when, lowerGet);
      } else {
        const skip = fc.a.newLabel();
        branchOn(fc, tree.left, skip, decisive, lowerGet);
        branchOn(fc, tree.right, target, when, lowerGet);
        fc.a.bind(skip);
      }
      return;
    }
    default:
      throw new Error("a value is not a branch condition");
  }
}

/**
 * If the current instruction starts a planned br_if condition, emits the jump chain and
 * returns the instructions consumed after the current one; otherwise null.
 * `lowerGet` is the plain local.get lowering (this fusion is entered from local.get).
 */
export function lowerBranchCondition(fc: FunctionCompiler, lowerGet: LowerGet): number | null {
  const start = fc.pc;
  const plan = plansOf(fc.input.instrs).get(start);
  if (!plan || !fc.reachable) return null;
  if (fc.input.instrs[plan.branch].op === IF) {
    fc.s.spillAll(); // what the if would do on entry; the block's base must be in slots
    const falseLabel = fc.a.newLabel();
    branchOn(fc, plan.tree, falseLabel, false, lowerGet);
    fc.pc = start;
    fc.pendingCondition = { trueLabel: fc.a.newLabel(), falseLabel, endIndex: plan.branch - 1 };
    return plan.branch - 1 - start;
  }
  const target = fc.target(fc.input.instrs[plan.branch].index);
  if (target.kind !== "loop" && target.result !== null) return null;
  target.branched = true;
  branchOn(fc, plan.tree, target.label, true, lowerGet);
  fc.pc = start;
  return plan.branch - start;
}
