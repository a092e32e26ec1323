/**
 * The opcode → lowering table: the one place that knows every instruction family.
 *
 * Layer: lowering dispatch. Families register by opcode name; a name that is not an opcode
 * fails at load time (`op` throws), so a typo cannot silently drop an instruction.
 */

import type { Lowering } from "../codegen/function-compiler.js";
import { op } from "../decoder/opcodes.js";
import { lowerBranchCondition } from "./branch-conditions.js";
import { callLowerings } from "./calls.js";
import { controlLowerings } from "./control.js";
import { floatLowerings } from "./float.js";
import { i32Lowerings } from "./i32.js";
import { i64Lowerings } from "./i64.js";
import { memoryLowerings } from "./memory.js";
import { selectLowerings } from "./select.js";
import { variableLowerings } from "./variables.js";

const localGet = variableLowerings["local.get"];

/** Fusions entered from an instruction that otherwise lowers plainly. */
const fusions: Record<string, Lowering> = {
  "local.get": (fc, instr) => lowerBranchCondition(fc, localGet) ?? localGet(fc, instr),
};

const FAMILIES = [
  controlLowerings,
  selectLowerings,
  variableLowerings,
  fusions,
  callLowerings,
  memoryLowerings,
  i32Lowerings,
  i64Lowerings,
  floatLowerings,
];

export const LOWERINGS: ReadonlyMap<number, Lowering> = new Map(
  FAMILIES.flatMap((family) =>
    Object.entries(family).map(([name, lowering]) => [op(name), lowering] as const),
  ),
);

export const STRUCTURAL: ReadonlySet<number> = new Set(["block", "loop", "if", "else", "end"].map(op));
