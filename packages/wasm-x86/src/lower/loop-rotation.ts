/**
 * Loop rotation: `loop (cond) if ... br 0 end end` — asc's shape for `for`/`while` — runs its
 * test at the top and jumps back unconditionally at the bottom: two branches per iteration.
 * When the header condition is pure (locals, constants, arithmetic that cannot trap, loads),
 * a `br` back to the loop re-evaluates the condition in place and jumps straight into the
 * body (one conditional branch per iteration), falling out to the header if's false target.
 *
 * Layer: lowering support for `control.ts`. Soundness: the state at every loop label is the
 * loop's base (all values below it spilled); a `br` discards everything above that base, and
 * re-evaluating a pure condition equals evaluating it at the header.
 */

import type { Block, FunctionCompiler, LoopRotation } from "../codegen/function-compiler.js";
import type { Instr } from "../decoder/instructions.js";
import { op } from "../decoder/opcodes.js";

const IF = op("if");
const MAX_CONDITION = 12;

const PURE = new Set(
  [
    "local.get",
    "i32.const",
    "i64.const",
    "global.get",
    "i32.eqz",
    "i32.eq",
    "i32.ne",
    "i32.lt_s",
    "i32.lt_u",
    "i32.gt_s",
    "i32.gt_u",
    "i32.le_s",
    "i32.le_u",
    "i32.ge_s",
    "i32.ge_u",
    "i32.add",
    "i32.sub",
    "i32.and",
    "i32.or",
    "i32.xor",
    "i32.shl",
    "i32.shr_s",
    "i32.shr_u",
    "i32.mul",
    "i32.load",
    "i32.load8_s",
    "i32.load8_u",
    "i32.load16_s",
    "i32.load16_u",
  ].map(op),
);

const ELSE = op("else");
const END = op("end");
const MAX_CONDITION_BLOCK = 24;

/** Whether `instr` opens an `if` with the given block result (null: no value). */
function isIf(instr: Instr, result: string | null): boolean {
  return instr.op === IF && instr.block !== null && "result" in instr.block && instr.block.result === result;
}

/**
 * The rotation plan for a loop starting at instruction `loopIndex`, if its header is pure
 * code — optionally one `if (result i32) … else … end` of pure code (an `a && b` test) —
 * followed by an `if` without result.
 */
export function planRotation(fc: FunctionCompiler, loopIndex: number): LoopRotation | null {
  const instrs = fc.input.instrs;
  const start = loopIndex + 1;
  let depth = 0;
  let conditionBlocks = 0;
  for (let k = start; k < instrs.length && k - start <= MAX_CONDITION_BLOCK; k++) {
    const instr = instrs[k];
    if (depth === 0 && isIf(instr, null)) {
      if (k === start) return null;
      return { condStart: start, condEnd: k, body: null, exit: null };
    }
    if (isIf(instr, "i32")) {
      if (depth > 0 || ++conditionBlocks > 1) return null;
      depth++;
    } else if (instr.op === ELSE && depth === 1) {
      // the else arm of the header's condition block
    } else if (instr.op === END && depth === 1) {
      depth--;
    } else if (!PURE.has(instr.op) || (depth === 0 && k - start > MAX_CONDITION)) {
      return null;
    }
  }
  return null;
}

/** Called by `if` lowering after its conditional exit: records where the body starts. */
export function noteHeaderIf(fc: FunctionCompiler, ifIndex: number, exit: Block["elseLabel"]): void {
  const loop = fc.blocks[fc.blocks.length - 1];
  const rotation = loop?.kind === "loop" ? loop.rotation : null;
  if (!rotation || rotation.condEnd !== ifIndex || rotation.body !== null) return;
  rotation.body = fc.a.newLabel();
  rotation.exit = exit;
  fc.a.bind(rotation.body);
}

/**
 * Emits a rotated back edge to `loop` if possible (stack already reset to the loop's base);
 * returns false when the caller should jump to the header instead. A header condition block
 * branches straight to the body or the exit (falling through to the exit jump).
 */
export function emitRotatedBackEdge(
  fc: FunctionCompiler,
  loop: Block,
  lowerCondition: (fc: FunctionCompiler) => string,
): boolean {
  const rotation = loop.rotation;
  if (!rotation?.body || !rotation.exit) return false;
  const resume = fc.pc;
  fc.conditionOverride = {
    trueLabel: rotation.body,
    falseLabel: rotation.exit,
    endIndex: rotation.condEnd - 1,
    fallThroughFalse: true,
  };
  try {
    for (fc.pc = rotation.condStart; fc.pc < rotation.condEnd; fc.pc++) {
      const instr = fc.input.instrs[fc.pc];
      const consumed = fc.ctx.lowering(instr.op)!(fc, instr) ?? 0;
      if (consumed !== 0) throw new Error("loop rotation: a header instruction fused with the next");
    }
    if (fc.pendingCondition?.endIndex === rotation.condEnd - 1) {
      fc.pendingCondition = null; // its arms already branched to the body
    } else {
      fc.a.jcc(lowerCondition(fc) as never, rotation.body);
    }
    fc.a.jmp(rotation.exit);
  } finally {
    fc.pc = resume;
    fc.conditionOverride = null;
  }
  return true;
}
