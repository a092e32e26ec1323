/**
 * Lowering of select (and its typed form select_t): a branch-free choice via cmov for
 * integers, a short branch for floats.
 *
 * Layer: per-opcode lowering. The condition is usually a flags entry left by a fused compare;
 * materializing the two operands only moves values, so the flags survive until the cmov.
 */

import { negate } from "../codegen/conditions.js";
import type { FunctionCompiler, Lowering } from "../codegen/function-compiler.js";
import type { Entry } from "../codegen/value-stack.js";
import { truthCondition } from "./control.js";
import { floatSource, ownedXmm } from "./float-values.js";
import { halves, ownedPair } from "./pairs.js";
import { freeOperands, isConst, ownedReg, readable32 } from "./values.js";

const select: Lowering = (fc) => {
  const condition = fc.s.pop();
  const ifFalse = fc.s.pop();
  const ifTrue = fc.s.pop();
  if (isConst(condition)) {
    const [keep, drop] = condition.loc.n !== 0 ? [ifTrue, ifFalse] : [ifFalse, ifTrue];
    fc.s.release(drop);
    pushAgain(fc, keep);
    return 0;
  }
  if (ifTrue.type === "i32") selectI32(fc, condition, ifTrue, ifFalse);
  else if (ifTrue.type === "i64") selectI64(fc, condition, ifTrue, ifFalse);
  else selectFloat(fc, condition, ifTrue, ifFalse);
  return 0;
};

/** Re-pushes a popped entry; a slot entry is first loaded (it may no longer sit at its slot). */
function pushAgain(fc: FunctionCompiler, entry: Entry): void {
  if (entry.loc.kind !== "slot" || entry.loc.index === fc.s.depth) {
    fc.s.push(entry.type, entry.loc);
    return;
  }
  if (entry.type === "i32") fc.s.push("i32", { kind: "reg", reg: ownedReg(fc, entry) });
  else if (entry.type === "i64") {
    const [lo, hi] = ownedPair(fc, entry);
    fc.s.push("i64", { kind: "pair", lo, hi });
  } else fc.s.push(entry.type, { kind: "xmm", reg: ownedXmm(fc, entry) });
}

function selectI32(fc: FunctionCompiler, condition: Entry, ifTrue: Entry, ifFalse: Entry): void {
  const dst = ownedReg(fc, ifTrue);
  const alternative = readable32(fc, ifFalse);
  const cc = truthCondition(fc, condition);
  fc.a.cmovcc(negate(cc), dst, alternative);
  fc.s.release(ifFalse);
  if (alternative !== dst) freeOperands(fc, alternative);
  fc.s.push("i32", { kind: "reg", reg: dst });
}

function selectI64(fc: FunctionCompiler, condition: Entry, ifTrue: Entry, ifFalse: Entry): void {
  // test first: frees the condition's register before the pairs need up to four more (all the
  // code below only moves values, so the flags survive)
  const cc = negate(truthCondition(fc, condition));
  const [lo, hi] = ownedPair(fc, ifTrue);
  const [altLo, altHi] = halves(fc, ifFalse);
  const regs = [altLo, altHi].map((half) => {
    if (typeof half !== "number") return half;
    const reg = fc.s.allocGpr();
    fc.a.mov(reg, half);
    return reg;
  });
  fc.a.cmovcc(cc, lo, regs[0]);
  fc.a.cmovcc(cc, hi, regs[1]);
  fc.s.release(ifFalse);
  regs.forEach((r, k) => {
    if (r !== [altLo, altHi][k]) freeOperands(fc, r);
  });
  fc.s.push("i64", { kind: "pair", lo, hi });
}

function selectFloat(fc: FunctionCompiler, condition: Entry, ifTrue: Entry, ifFalse: Entry): void {
  const dst = ownedXmm(fc, ifTrue);
  const alternative = floatSource(fc, ifFalse);
  const cc = truthCondition(fc, condition);
  const done = fc.a.newLabel();
  fc.a.jcc(cc, done);
  if (alternative.kind === "xmm") fc.a.movaps(dst, alternative);
  else if (ifTrue.type === "f32") fc.a.movss(dst, alternative);
  else fc.a.movsd(dst, alternative);
  fc.a.bind(done);
  fc.s.release(ifFalse);
  fc.s.push(ifTrue.type, { kind: "xmm", reg: dst });
}

export const selectLowerings: Record<string, Lowering> = {
  select,
  select_t: select,
};
