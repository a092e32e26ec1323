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

/** The rotation plan for a loop starting at instruction `loopIndex`, if its header qualifies. */
export function planRotation(fc: FunctionCompiler, loopIndex: number): LoopRotation | null {
  const instrs = fc.input.instrs;
  const start = loopIndex + 1;
  for (let k = start; k < instrs.length && k - start <= MAX_CONDITION; k++) {
    const instr = instrs[k];
    if (instr.op === IF) {
      const emptyType = instr.block !== null && "result" in instr.block && instr.block.result === null;
      return k > start && emptyType ? { condStart: start, condEnd: k, body: null, exit: null } : null;
    }
    if (!PURE.has(instr.op)) return null;
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
 * returns false when the caller should jump to the header instead.
 */
export function emitRotatedBackEdge(
  fc: FunctionCompiler,
  loop: Block,
  lowerCondition: (fc: FunctionCompiler) => string,
): boolean {
  const rotation = loop.rotation;
  if (!rotation?.body || !rotation.exit) return false;
  const resume = fc.pc;
  try {
    for (fc.pc = rotation.condStart; fc.pc < rotation.condEnd; fc.pc++) {
      const instr = fc.input.instrs[fc.pc];
      const consumed = fc.ctx.lowering(instr.op)!(fc, instr) ?? 0;
      if (consumed !== 0) throw new Error("loop rotation: a header instruction fused with the next");
    }
    fc.a.jcc(lowerCondition(fc) as never, rotation.body);
    fc.a.jmp(rotation.exit);
  } finally {
    fc.pc = resume;
  }
  return true;
}
