/**
 * Compiles one wasm function body to IA-32: prologue, one lowering call per instruction,
 * epilogue.
 *
 * Layer: codegen driver. It owns the control-block stack and reachability, and dispatches
 * each instruction to the per-family lowering tables (`../lower/*`). Lowerings may consume
 * following instructions (fusion) by returning how many extra they used.
 *
 * Calling convention of every compiled function: cdecl (see the package README), so exports
 * need no thunk. Frame: see `frame.ts`. Compilation runs twice per function: a measuring pass
 * into a scratch assembler finds the spill slots and registers used, then the real pass.
 */

import { type Assembler, esp, type Label } from "@sawmill/x86";
import type { Instr } from "../decoder/instructions.js";
import { opcodeName } from "../decoder/opcodes.js";
import { CompileError } from "../errors.js";
import type { ConditionTargets } from "../lower/condition-blocks.js";
import type { FuncType, ValType } from "../types.js";
import type { FunctionFacts } from "./analysis.js";
import { Frame, planHomes } from "./frame.js";
import type { ModuleContext } from "./module-context.js";
import { type Entry, ValueStack } from "./value-stack.js";

export interface Block {
  readonly kind: "block" | "loop" | "if" | "function";
  /** Branch target: the loop header for loops, the end for the others. */
  readonly label: Label;
  /** For `if`: where the false arm starts. */
  readonly elseLabel: Label | null;
  readonly result: ValType | null;
  /** Stack entries below the block (all in slots or constants: they never move inside). */
  readonly base: readonly Entry[];
  /** Some branch targets this block's label. */
  branched: boolean;
  hasElse: boolean;
  /** Whether the code before the block could reach it. */
  readonly reachableAtEntry: boolean;
  /** For a loop whose header is `<pure condition>; if`: see `lower/loop-rotation.ts`. */
  rotation: LoopRotation | null;
  /** Set when the block's i32 value only feeds the next `if`: see `lower/condition-blocks.ts`. */
  condition: ConditionTargets | null;
}

export interface LoopRotation {
  /** Instruction indices of the header condition: [start, end); `end` is the `if`. */
  readonly condStart: number;
  readonly condEnd: number;
  /** Bound right after the header's conditional exit: where a rotated back edge lands. */
  body: Label | null;
  /** The header if's false target. */
  exit: Label | null;
}

export type Lowering = (fc: FunctionCompiler, instr: Instr) => number | undefined;

export interface FunctionInput {
  readonly index: number;
  readonly type: FuncType;
  readonly locals: readonly ValType[];
  readonly instrs: readonly Instr[];
  readonly facts: FunctionFacts;
}

export interface FrameChoice {
  readonly slots: number;
  readonly saved: readonly import("@sawmill/x86").Gpr[];
}

export class FunctionCompiler {
  readonly s: ValueStack;
  readonly frame: Frame;
  readonly blocks: Block[] = [];
  reachable = true;
  pc = 0;
  /** A condition block just ended: the next `if` takes its labels instead of a value. */
  pendingCondition: ConditionTargets | null = null;
  /** While a rotated back edge re-lowers a loop header: the targets its condition block takes. */
  conditionOverride: ConditionTargets | null = null;
  private readonly epilogue: Label;

  constructor(
    readonly a: Assembler,
    readonly ctx: ModuleContext,
    readonly input: FunctionInput,
    choice: FrameChoice,
  ) {
    const { params } = input.type;
    const { homes, localBytes, argOffsets } = planHomes(params, input.locals, input.facts.registerLocals);
    this.frame = new Frame(
      [...params, ...input.locals],
      homes,
      localBytes,
      choice.slots,
      choice.saved,
      argOffsets,
    );
    const localRegs = new Set(input.facts.registerLocals.values());
    const pool = ctx.valueRegisters.filter((r) => !localRegs.has(r));
    this.s = new ValueStack(a, this.frame, pool);
    this.epilogue = a.newLabel();
  }

  /** Emits the whole function at the assembler's current position. */
  compile(): void {
    this.prologue();
    const { instrs } = this.input;
    this.blocks.push(this.newBlock("function", this.epilogue, null, this.input.type.results[0] ?? null));
    for (this.pc = 0; this.pc < instrs.length; this.pc++) {
      const instr = instrs[this.pc];
      if (!this.reachable && !this.ctx.isStructural(instr.op)) continue;
      const lowering = this.ctx.lowering(instr.op);
      if (!lowering) throw this.error(instr, "unsupported instruction");
      this.pc += this.lower(lowering, instr);
      this.checkState(instr);
    }
    this.a.bind(this.epilogue);
    this.emitEpilogue();
  }

  /** Runs one lowering; an internal failure becomes a CompileError that says where. */
  private lower(lowering: Lowering, instr: Instr): number {
    try {
      return lowering(this, instr) ?? 0;
    } catch (error) {
      if (error instanceof CompileError) throw error;
      const wrapped = this.error(instr, `internal error: ${(error as Error).message}`);
      wrapped.stack = `${wrapped.message}\n${(error as Error).stack}`;
      throw wrapped;
    }
  }

  /** The value-stack invariants, plus no register left owned by nobody after an instruction. */
  private checkState(instr: Instr): void {
    this.s.check();
    const leaked = this.s.leaked();
    if (leaked.length > 0) throw this.error(instr, `internal error: registers ${leaked.join(", ")} leaked`);
  }

  newBlock(kind: Block["kind"], label: Label, elseLabel: Label | null, result: ValType | null): Block {
    return {
      kind,
      label,
      elseLabel,
      result,
      base: [...this.s.entries],
      branched: false,
      hasElse: false,
      reachableAtEntry: this.reachable,
      rotation: null,
      condition: null,
    };
  }

  /** The instruction `k` places ahead of the current one (null past the end). */
  peek(k = 1): Instr | null {
    return this.input.instrs[this.pc + k] ?? null;
  }

  /** The block a branch of depth `depth` targets. */
  target(depth: number): Block {
    const block = this.blocks[this.blocks.length - 1 - depth];
    if (!block) throw new Error(`branch depth ${depth} out of range`);
    return block;
  }

  error(instr: Instr, message: string): CompileError {
    const { index } = this.input;
    return new CompileError(message, index, this.ctx.functionName(index), instr.at, opcodeName(instr.op));
  }

  /** Pushes callee-saved registers, reserves the frame, loads register parameters, zeroes locals. */
  private prologue(): void {
    for (const reg of this.frame.saved) this.a.push(reg);
    if (this.frame.size > 0) this.a.sub(esp, this.frame.size);
    const { params } = this.input.type;
    this.frame.homes.forEach((home, i) => {
      if (home.kind !== "reg") return;
      if (i < params.length) this.a.mov(home.reg, this.frame.argMemory(i));
      else if (this.input.facts.needsZero.has(i)) this.a.mov(home.reg, 0);
    });
    for (const i of this.input.facts.needsZero) {
      if (this.frame.homes[i].kind !== "frame") continue;
      this.a.mov(this.frame.localMemory(i), 0);
      if (this.frame.localType(i) === "i64" || this.frame.localType(i) === "f64")
        this.a.mov(this.frame.localMemory(i, 4), 0);
    }
  }

  private emitEpilogue(): void {
    if (this.frame.size > 0) this.a.add(esp, this.frame.size);
    for (const reg of [...this.frame.saved].reverse()) this.a.pop(reg);
    this.a.ret();
  }

  /** Jumps to the shared epilogue unless it immediately follows. */
  jumpToEpilogue(): void {
    const next = this.peek();
    const atFinalEnd =
      next !== null && this.pc + 1 === this.input.instrs.length - 1 && this.ctx.isEnd(next.op);
    if (!atFinalEnd) this.a.jmp(this.epilogue);
  }
}
