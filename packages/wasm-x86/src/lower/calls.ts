/**
 * Lowering of call and call_indirect, and the one call sequence every out-of-line routine
 * (imports, runtime hooks, helpers) shares.
 *
 * Layer: per-opcode lowering. Internal calls use cdecl like external ones (so an export is
 * just a global symbol on the function): values the callee may clobber are spilled first,
 * arguments are pushed right to left straight from wherever they are, the caller pops.
 * call_indirect checks, in this order: index < table size (TableOutOfBounds), entry not
 * null (IndirectCallNull), canonical signature id equal (IndirectCallSignature); then it
 * calls through the table's code-address column.
 */

import { eax, edx, esp, type Label, type MemoryOperand, m32, m64, xmm0 } from "@sawmill/x86";
import { type AddressLoc, addressMemory, addressOwned } from "../codegen/address.js";
import type { FunctionCompiler, Lowering } from "../codegen/function-compiler.js";
import type { Entry } from "../codegen/value-stack.js";
import { byteSize, TrapKind, type ValType } from "../types.js";
import { floatSource } from "./float-values.js";
import { lowerIntrinsic } from "./intrinsics.js";
import { halves } from "./pairs.js";
import { anyReg, freeOperands, source32 } from "./values.js";

type CallTarget = Label | string | MemoryOperand;

/** Pushes one argument (cdecl layout) and accounts for it in the frame. */
function pushArgument(fc: FunctionCompiler, arg: Entry): void {
  if (arg.type === "i32") {
    if (arg.loc.kind === "address") {
      pushAddress(fc, arg.loc);
      return;
    }
    const src = source32(fc, arg);
    fc.a.push(src);
    freeOperands(fc, src);
    fc.frame.pushed += 4;
    return;
  }
  if (arg.type === "i64" || (arg.loc.kind !== "xmm" && arg.type === "f64")) {
    // read each half after the previous push: esp-relative operands move with `pushed`
    for (const half of [1, 0]) {
      fc.a.push(halves(fc, arg)[half]);
      fc.frame.pushed += 4;
    }
    return;
  }
  if (arg.loc.kind !== "xmm") {
    fc.a.push(floatSource(fc, arg)); // an f32 outside registers is always in memory
    fc.frame.pushed += 4;
    return;
  }
  const size = byteSize(arg.type);
  fc.a.sub(esp, size);
  fc.frame.pushed += size;
  if (arg.type === "f32") fc.a.movss(m32({ base: esp }), arg.loc.reg);
  else fc.a.movsd(m64({ base: esp }), arg.loc.reg);
}

/** Pushes base + index*scale + disp without a scratch register (pending arguments may hold
 * every register): in a register the entry owns, else computed on the machine stack. */
function pushAddress(fc: FunctionCompiler, loc: AddressLoc): void {
  const owned = addressOwned(loc)[0];
  if (owned) {
    fc.a.lea(owned, addressMemory(loc, 0));
    fc.a.push(owned);
    fc.frame.pushed += 4;
    return;
  }
  const top = m32({ base: esp });
  fc.a.push(loc.index ?? loc.base!);
  fc.frame.pushed += 4;
  if (loc.index && loc.scale > 1) fc.a.shl(top, Math.log2(loc.scale));
  if (loc.index && loc.base) fc.a.add(top, loc.base);
  if (loc.disp !== 0) fc.a.add(top, loc.disp);
}

/** Calls `target` with popped `args` (first argument first) and pushes the result. */
export function callRoutine(
  fc: FunctionCompiler,
  target: CallTarget,
  args: readonly Entry[],
  result: ValType | null,
): void {
  fc.s.spillCallerSaved();
  for (let i = args.length - 1; i >= 0; i--) {
    pushArgument(fc, args[i]);
    fc.s.release(args[i]);
  }
  const bytes = fc.frame.pushed;
  fc.a.call(target as never);
  fc.frame.pushed = 0;
  if (bytes > 0) fc.a.add(esp, bytes);
  pushReturned(fc, result);
}

function pushReturned(fc: FunctionCompiler, result: ValType | null): void {
  if (result === null) return;
  if (result === "i32") fc.s.push("i32", { kind: "reg", reg: fc.s.claim(eax) });
  else if (result === "i64") fc.s.push("i64", { kind: "pair", lo: fc.s.claim(eax), hi: fc.s.claim(edx) });
  else fc.s.push(result, { kind: "xmm", reg: fc.s.claim(xmm0) });
}

function popArguments(fc: FunctionCompiler, count: number): Entry[] {
  const args: Entry[] = [];
  for (let i = 0; i < count; i++) args.unshift(fc.s.pop());
  return args;
}

const call: Lowering = (fc, instr) => {
  const imported = fc.ctx.functionImport(instr.index);
  if (imported?.module === "x86") return lowerIntrinsic(fc, instr, imported.name);
  const type = fc.ctx.functionType(instr.index);
  if (type.results.length > 1) throw fc.error(instr, "multiple results are not supported");
  const args = popArguments(fc, type.params.length);
  callRoutine(fc, fc.ctx.callTarget(instr.index), args, type.results[0] ?? null);
  return 0;
};

const callIndirect: Lowering = (fc, instr) => {
  const type = fc.ctx.blockType(instr.index);
  if (type.results.length > 1) throw fc.error(instr, "multiple results are not supported");
  const indexEntry = fc.s.pop();
  // a register for the index while the arguments can still be spilled to make room
  const index = anyReg(fc, indexEntry);
  const args = popArguments(fc, type.params.length);
  const table = fc.ctx.table();
  const entry = (disp: number) => m32({ index, scale: 8, disp, symbol: table.symbol });
  fc.a.cmp(index, table.size);
  fc.a.jcc("ae", fc.ctx.trap(TrapKind.TableOutOfBounds));
  fc.a.cmp(entry(4), 0);
  fc.a.jcc("e", fc.ctx.trap(TrapKind.IndirectCallNull));
  fc.a.cmp(entry(0), fc.ctx.signatureId(instr.index));
  fc.a.jcc("ne", fc.ctx.trap(TrapKind.IndirectCallSignature));
  callRoutine(fc, entry(4), args, null);
  fc.s.release(indexEntry);
  freeOperands(fc, index);
  pushReturned(fc, type.results[0] ?? null);
  return 0;
};

export const callLowerings: Record<string, Lowering> = {
  call,
  call_indirect: callIndirect,
};
