/**
 * String instructions: movs, stos, lods, cmps, scas, ins, outs in byte/word/dword widths.
 *
 * Layer: instruction family. Operands are implicit (esi, edi, ecx, al/ax/eax, dx); repetition
 * comes from the Assembler's rep()/repe()/repne() prefixes. The word forms carry 0x66.
 */

import type { Sink } from "./sink.js";

/** Byte-form opcode of each string instruction; the word and dword forms are opcode + 1. */
export const STRING_OPS = {
  movs: 0xa4,
  cmps: 0xa6,
  stos: 0xaa,
  lods: 0xac,
  scas: 0xae,
  ins: 0x6c,
  outs: 0x6e,
} as const;
export type StringOp = keyof typeof STRING_OPS;
export type StringWidth = "b" | "w" | "d";

export function stringOp(sink: Sink, op: StringOp, width: StringWidth): void {
  const opcode = STRING_OPS[op] + (width === "b" ? 0 : 1);
  sink.encode({ prefixes: width === "w" ? [0x66] : [], opcode: [opcode] }, `${op}${width}`);
}
