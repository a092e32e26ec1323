/**
 * @sawmill/x86 — an IA-32 assembler producing relocatable `X86Object`s.
 *
 * Public entry point: the Assembler, registers, operand constructors, condition codes, the
 * object format, and a capstone-based disassembler for printing generated code.
 */

export { Assembler } from "./assembler.js";
export { CANONICAL_CONDITIONS, type Condition, conditionCode, negate } from "./conditions.js";
export type { BranchTarget } from "./control.js";
export { disassemble, loadDisassembler } from "./disassemble.js";
export { sectionSymbol } from "./layout.js";
export { emitEnableSse } from "./machine-setup.js";
export * from "./object.js";
export { InvalidOperands } from "./operand-kinds.js";
export {
  type Immediate,
  Label,
  type MemoryOperand,
  type MemorySize,
  type MemorySpec,
  m8,
  m16,
  m32,
  m64,
  m128,
  type Operand,
  type Scale,
  type SymbolRef,
  sym,
} from "./operands.js";
export * from "./registers.js";
