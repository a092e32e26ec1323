/**
 * Control transfer: jmp, jcc, call, ret and the far jump that reloads cs.
 *
 * Layer: instruction family. A target is a `Label` (jmp/jcc become relaxable branches; call is
 * always rel32), a symbol name or `sym()` (rel32 relocation, addend -4, resolved in place when
 * the symbol is defined in the same section), or a register/memory operand (indirect, 0xFF /4
 * for jmp, /2 for call).
 */

import type { Condition } from "./conditions.js";
import { conditionCode } from "./conditions.js";
import { InvalidOperands, isGpr, isMem } from "./operand-kinds.js";
import type { Operand, SymbolRef } from "./operands.js";
import { fitsBits, Label, sym } from "./operands.js";
import type { Sink } from "./sink.js";

/** Anything a jump or call can go to. A string names a symbol. */
export type BranchTarget = string | Operand;

/**
 * A transfer through `opcode` rel32 to a symbol or label, or through 0xFF /digit to an r32/m32.
 * (Relaxable jumps to labels never get here.)
 */
function transfer(sink: Sink, mnemonic: string, opcode: number, digit: number, target: BranchTarget): void {
  const operand = typeof target === "string" ? sym(target) : target;
  if (typeof operand === "object" && (operand.kind === "sym" || operand.kind === "label")) {
    sink.encode({ opcode: [opcode], immediates: [{ size: 4, value: operand, pcRelative: true }] }, mnemonic);
    return;
  }
  if (!(isGpr(operand, 32) || isMem(operand, 32))) {
    throw new InvalidOperands(mnemonic, [operand], "the target is a label, symbol, r32 or m32");
  }
  sink.encode({ opcode: [0xff], modrm: { reg: digit, rm: operand } }, mnemonic);
}

export function jmp(sink: Sink, target: BranchTarget): void {
  if (target instanceof Label) sink.branch(null, target, "jmp");
  else transfer(sink, "jmp", 0xe9, 4, target);
}

export function jcc(sink: Sink, condition: Condition, target: Label | string | SymbolRef): void {
  const code = conditionCode(condition, "jcc");
  if (target instanceof Label) {
    sink.branch(code, target, `j${condition}`);
    return;
  }
  const value = typeof target === "string" ? sym(target) : target;
  sink.encode(
    { opcode: [0x0f, 0x80 + code], immediates: [{ size: 4, value, pcRelative: true }] },
    `j${condition}`,
  );
}

export function call(sink: Sink, target: BranchTarget): void {
  transfer(sink, "call", 0xe8, 2, target);
}

export function ret(sink: Sink, popBytes?: number): void {
  if (popBytes === undefined || popBytes === 0) {
    sink.encode({ opcode: [0xc3] }, "ret");
    return;
  }
  if (!Number.isInteger(popBytes) || popBytes < 0 || popBytes > 0xffff) {
    throw new InvalidOperands("ret", [popBytes], "the operand is an imm16");
  }
  sink.encode({ opcode: [0xc2], immediates: [{ size: 2, value: popBytes }] }, "ret");
}

/** jmp ptr16:32 (0xEA): offset (abs32 when a label or symbol) then the code segment selector. */
export function jmpFar(sink: Sink, selector: number, target: Label | string | number): void {
  if (!Number.isInteger(selector) || selector < 0 || selector > 0xffff) {
    throw new InvalidOperands(
      "jmpFar",
      [selector, typeof target === "string" ? sym(target) : target],
      "selector is 16-bit",
    );
  }
  const offset = typeof target === "string" ? sym(target) : target;
  if (typeof offset === "number" && !fitsBits(offset, 32))
    throw new InvalidOperands("jmpFar", [selector, offset]);
  sink.encode(
    {
      opcode: [0xea],
      immediates: [
        { size: 4, value: offset },
        { size: 2, value: selector },
      ],
    },
    "jmp far",
  );
}
