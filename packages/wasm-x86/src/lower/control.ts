/**
 * Lowering of structured control flow: block, loop, if/else, end, br, br_if, br_table,
 * return, unreachable, nop, drop, select.
 *
 * Layer: per-opcode lowering. Merge discipline (what makes single-pass code generation sound):
 * entering any block spills the whole value stack to slots, so values below a block never
 * move while it runs; a block's one result travels in its canonical registers (eax, edx:eax
 * or xmm0). Every edge into a label therefore arrives with the same machine state.
 */

import { eax, edx, type Label, m32, xmm0 } from "@sawmill/x86";
import { type Cond, negate } from "../codegen/conditions.js";
import type { Block, FunctionCompiler, Lowering } from "../codegen/function-compiler.js";
import type { Entry } from "../codegen/value-stack.js";
import type { Instr } from "../decoder/instructions.js";
import { TrapKind, type ValType } from "../types.js";
import { branchOnValue, planConditionBlock } from "./condition-blocks.js";
import { widenCopyLoop } from "./copy-widening.js";
import { skewedIndex } from "./jump-table-skew.js";
import { emitRotatedBackEdge, noteHeaderIf, planRotation } from "./loop-rotation.js";
import { placeInRegisters } from "./moves.js";
import { anyReg, freeOperands, isConst, ownedReg, readable32 } from "./values.js";

function blockResult(fc: FunctionCompiler, instr: Instr): ValType | null {
  const block = instr.block!;
  if ("result" in block) return block.result;
  const type = fc.ctx.blockType(block.typeIndex);
  if (type.params.length > 0 || type.results.length > 1)
    throw fc.error(instr, "block parameters and multiple results are not supported");
  return type.results[0] ?? null;
}

/** The flags condition under which a non-constant i32 entry is true, emitting a test if needed. */
export function truthCondition(fc: FunctionCompiler, entry: Entry): Cond {
  if (entry.loc.kind === "cond") return entry.loc.cc;
  const operand = readable32(fc, entry);
  if (operand.kind === "gpr") fc.a.test(operand, operand);
  else fc.a.cmp(operand, 0);
  fc.s.release(entry);
  freeOperands(fc, operand);
  return "ne";
}

/** The type a branch to `target` carries: loops take no values (asc emits no loop params). */
function branchType(target: Block): ValType | null {
  return target.kind === "loop" ? null : target.result;
}

/** Moves the top value into the canonical result registers (nothing for a null type). */
function passResult(fc: FunctionCompiler, type: ValType | null, keep: boolean): void {
  if (type === null) return;
  const value = fc.s.pop();
  const loc = placeInRegisters(fc, value);
  if (keep) fc.s.push(value.type, loc);
  else fc.s.release({ type: value.type, loc });
}

function branchTo(target: Block): Label {
  target.branched = true;
  return target.label;
}

/** Drops everything above `block`'s base, freeing registers. */
function resetTo(fc: FunctionCompiler, block: Block): void {
  while (fc.s.depth > block.base.length) fc.s.release(fc.s.pop());
}

const block: Lowering = (fc, instr) => {
  const result = blockResult(fc, instr);
  fc.s.spillAll();
  const b = fc.newBlock("block", fc.a.newLabel(), null, result);
  if (result === "i32" && fc.reachable) b.condition = planConditionBlock(fc, fc.pc);
  fc.blocks.push(b);
  return 0;
};

const loop: Lowering = (fc, instr) => {
  const result = blockResult(fc, instr);
  fc.s.spillAll();
  widenCopyLoop(fc);
  const header = fc.a.newLabel();
  fc.a.bind(header);
  const block = fc.newBlock("loop", header, null, result);
  block.rotation = fc.reachable ? planRotation(fc, fc.pc) : null;
  fc.blocks.push(block);
  return 0;
};

const if_: Lowering = (fc, instr) => {
  const result = blockResult(fc, instr);
  if (!fc.reachable) {
    fc.blocks.push(fc.newBlock("if", fc.a.newLabel(), fc.a.newLabel(), result));
    return 0;
  }
  const pending = fc.pendingCondition;
  fc.pendingCondition = null;
  if (pending?.endIndex === fc.pc - 1) {
    // the preceding condition block already branched here or to its false label
    fc.a.bind(pending.trueLabel);
    noteHeaderIf(fc, fc.pc, pending.falseLabel);
    fc.blocks.push(fc.newBlock("if", fc.a.newLabel(), pending.falseLabel, result));
    return 0;
  }
  const condition = fc.s.pop();
  const elseLabel = fc.a.newLabel();
  if (isConst(condition)) {
    fc.s.spillAll();
    if (condition.loc.n === 0) fc.a.jmp(elseLabel);
  } else {
    const cc = truthCondition(fc, condition);
    fc.s.spillAll(); // only moves: the flags survive
    fc.a.jcc(negate(cc), elseLabel);
    noteHeaderIf(fc, fc.pc, elseLabel);
  }
  const b = fc.newBlock("if", fc.a.newLabel(), elseLabel, result);
  if (result === "i32") b.condition = planConditionBlock(fc, fc.pc);
  fc.blocks.push(b);
  return 0;
};

const else_: Lowering = (fc) => {
  const b = fc.blocks[fc.blocks.length - 1];
  if (fc.reachable && b.condition) {
    branchOnValue(fc, b.condition, false);
  } else if (fc.reachable) {
    passResult(fc, b.result, false);
    fc.a.jmp(branchTo(b));
  }
  resetTo(fc, b);
  fc.a.bind(b.elseLabel!);
  b.hasElse = true;
  fc.reachable = b.reachableAtEntry;
  return 0;
};

const end: Lowering = (fc) => {
  const b = fc.blocks.pop()!;
  const fallsThrough = fc.reachable;
  if (b.condition) return endConditionBlock(fc, b);
  if (fallsThrough) passResult(fc, b.result, false);
  if (b.kind === "function") return 0;
  resetTo(fc, b);
  if (b.kind === "if" && !b.hasElse) fc.a.bind(b.elseLabel!);
  if (b.kind === "block" || b.kind === "if") fc.a.bind(b.label);
  const elseFallsIn = b.kind === "if" && !b.hasElse && b.reachableAtEntry;
  fc.reachable = b.kind === "loop" ? fallsThrough : fallsThrough || b.branched || elseFallsIn;
  if (fc.reachable && b.result !== null) pushResult(fc, b.result);
  return 0;
};

/** The value went out as branches; the consuming `if` binds the labels. */
function endConditionBlock(fc: FunctionCompiler, b: Block): number {
  if (fc.reachable) branchOnValue(fc, b.condition!, true);
  resetTo(fc, b);
  if (b.kind === "if" && !b.hasElse) fc.a.bind(b.elseLabel!);
  fc.pendingCondition = b.condition;
  fc.reachable = b.reachableAtEntry;
  return 0;
}

/** After a merge the result is in its canonical registers. */
function pushResult(fc: FunctionCompiler, type: ValType): void {
  if (type === "i32") fc.s.push(type, { kind: "reg", reg: fc.s.claim(eax) });
  else if (type === "i64") fc.s.push(type, { kind: "pair", lo: fc.s.claim(eax), hi: fc.s.claim(edx) });
  else fc.s.push(type, { kind: "xmm", reg: fc.s.claim(xmm0) });
}

/**
 * A back edge to a rotated loop: everything above the loop's base is dead, values between
 * it and the innermost block's base are slots or constants and are put back afterwards.
 */
function rotatedBackEdge(fc: FunctionCompiler, loop: Block): boolean {
  if (!loop.rotation?.body) return false;
  const innermost = fc.blocks[fc.blocks.length - 1];
  const keep = fc.s.entries.slice(loop.base.length, innermost.base.length);
  resetTo(fc, loop);
  emitRotatedBackEdge(fc, loop, (f) => truthCondition(f, f.s.pop()));
  for (const entry of keep) fc.s.push(entry.type, entry.loc);
  return true;
}

const br: Lowering = (fc, instr) => {
  const target = fc.target(instr.index);
  if (target.kind === "loop" && rotatedBackEdge(fc, target)) {
    target.branched = true;
    fc.reachable = false;
    return 0;
  }
  passResult(fc, branchType(target), false);
  if (target.kind === "function") {
    target.branched = true;
    fc.jumpToEpilogue();
  } else {
    fc.a.jmp(branchTo(target));
  }
  fc.reachable = false;
  return 0;
};

const return_: Lowering = (fc) => br(fc, { ...fc.peek(0)!, index: fc.blocks.length - 1 });

const brIf: Lowering = (fc, instr) => {
  const target = fc.target(instr.index);
  const condition = fc.s.pop();
  if (isConst(condition)) {
    if (condition.loc.n !== 0) return br(fc, instr);
    return 0;
  }
  const cc = truthCondition(fc, condition);
  passResult(fc, branchType(target), true); // only moves: the flags survive
  fc.a.jcc(cc, branchTo(target));
  return 0;
};

/** Tables up to this many entries compile to compare chains; longer ones to a jump table. */
const COMPARE_CHAIN_MAX = 3;

const brTable: Lowering = (fc, instr) => {
  const targets = instr.targets!.map((depth) => fc.target(depth));
  const fallback = targets.pop()!;
  const indexEntry = fc.s.pop();
  const carried = branchType(fallback);
  const skewed = carried === null && targets.length > COMPARE_CHAIN_MAX ? skewedIndex(indexEntry) : null;
  const index = skewed
    ? skewed.reg
    : carried !== null
      ? ownedReg(fc, indexEntry, [eax, edx])
      : anyReg(fc, indexEntry);
  passResult(fc, carried, false);
  if (targets.length <= COMPARE_CHAIN_MAX) {
    targets.forEach((t, k) => {
      fc.a.cmp(index, k);
      fc.a.jcc("e", branchTo(t));
    });
  } else {
    const skew = skewed?.skew ?? 0;
    fc.a.cmp(index, targets.length + skew);
    fc.a.jcc("ae", branchTo(fallback));
    const leading: Label[] = new Array(skew).fill(branchTo(fallback));
    const table = fc.ctx.jumpTable([...leading, ...targets.map((t) => branchTo(t))]);
    fc.a.jmp(m32({ index, scale: 4, label: table }));
  }
  fc.a.jmp(branchTo(fallback));
  fc.s.release(indexEntry);
  fc.s.free(index);
  fc.reachable = false;
  return 0;
};

const unreachable: Lowering = (fc) => {
  fc.a.jmp(fc.ctx.trap(TrapKind.Unreachable));
  fc.reachable = false;
  return 0;
};

const nop: Lowering = () => 0;

const drop: Lowering = (fc) => {
  fc.s.release(fc.s.pop());
  return 0;
};

export const controlLowerings: Record<string, Lowering> = {
  block,
  loop,
  if: if_,
  else: else_,
  end,
  br,
  br_if: brIf,
  br_table: brTable,
  return: return_,
  unreachable,
  nop,
  drop,
};
