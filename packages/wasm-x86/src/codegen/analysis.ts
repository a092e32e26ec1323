/**
 * Pre-pass over one function body: which locals deserve registers, and facts the prologue needs.
 *
 * Layer: codegen, runs before lowering. Locals are ranked by the estimated execution frequency
 * of their accesses (`local-ranking.ts`), so locals used on the hot path win registers. A
 * declared local whose first access (in code order) is a set outside any block needs no zero
 * initialisation.
 */

import { ebp, ebx, edi, esi, type Gpr } from "@sawmill/x86";
import type { Instr } from "../decoder/instructions.js";
import { op, opcodeName } from "../decoder/opcodes.js";
import type { ValType } from "../types.js";
import { localWeights } from "./local-ranking.js";

export interface FunctionFacts {
  registerLocals: Map<number, Gpr>;
  /** Declared locals that must be zeroed in the prologue. */
  needsZero: Set<number>;
}

const LOCAL_GET = op("local.get");
const LOCAL_SET = op("local.set");
const LOCAL_TEE = op("local.tee");
const BLOCK = op("block");
const LOOP = op("loop");
const IF = op("if");
const END = op("end");

/** Callee-saved registers offered to locals, best first (ebp last: it has no byte form either). */
const LOCAL_REGISTERS: readonly Gpr[] = [ebx, esi, edi, ebp];

export function analyseFunction(
  instrs: readonly Instr[],
  localTypes: readonly ValType[],
  paramCount: number,
): FunctionFacts {
  const firstAccess = new Map<number, "set" | "get">();
  const needsZero = new Set<number>();
  let openBlocks = 0;
  let usesI64 = false;
  for (const instr of instrs) {
    if (instr.op === BLOCK || instr.op === IF || instr.op === LOOP) {
      openBlocks++;
    } else if (instr.op === END) {
      openBlocks--;
    } else if (instr.op === LOCAL_GET || instr.op === LOCAL_SET || instr.op === LOCAL_TEE) {
      if (!firstAccess.has(instr.index)) {
        const isSet = instr.op !== LOCAL_GET && openBlocks === 0;
        firstAccess.set(instr.index, isSet ? "set" : "get");
        if (!isSet && instr.index >= paramCount) needsZero.add(instr.index);
      }
    }
    if (opcodeName(instr.op).includes("i64")) usesI64 = true;
  }
  if (localTypes.includes("i64")) usesI64 = true;
  const weight = localWeights(instrs);
  const candidates = [...weight.keys()]
    .filter((i) => localTypes[i] === "i32")
    .sort((x, y) => weight.get(y)! - weight.get(x)! || x - y);
  // i64 code needs register pairs: leave it more scratch registers
  const available = usesI64 ? LOCAL_REGISTERS.slice(0, 2) : LOCAL_REGISTERS;
  const registerLocals = new Map<number, Gpr>();
  for (const [k, local] of candidates.slice(0, available.length).entries())
    registerLocals.set(local, available[k]);
  return { registerLocals, needsZero };
}
