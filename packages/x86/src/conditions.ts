/**
 * Condition codes (the `cc` of jcc, setcc, cmovcc) and their aliases.
 *
 * Layer: assembler operands. The number is the low nibble of the opcode (0x70+cc, 0x0F 0x80+cc,
 * 0x0F 0x90+cc, 0x0F 0x40+cc).
 */

const CODES = {
  o: 0x0,
  no: 0x1,
  b: 0x2,
  c: 0x2,
  nae: 0x2,
  ae: 0x3,
  nb: 0x3,
  nc: 0x3,
  e: 0x4,
  z: 0x4,
  ne: 0x5,
  nz: 0x5,
  be: 0x6,
  na: 0x6,
  a: 0x7,
  nbe: 0x7,
  s: 0x8,
  ns: 0x9,
  p: 0xa,
  pe: 0xa,
  np: 0xb,
  po: 0xb,
  l: 0xc,
  nge: 0xc,
  ge: 0xd,
  nl: 0xd,
  le: 0xe,
  ng: 0xe,
  g: 0xf,
  nle: 0xf,
} as const;

export type Condition = keyof typeof CODES;

/** The canonical name of each code, as disassemblers print it. */
export const CANONICAL_CONDITIONS: readonly Condition[] = [
  "o",
  "no",
  "b",
  "ae",
  "e",
  "ne",
  "be",
  "a",
  "s",
  "ns",
  "p",
  "np",
  "l",
  "ge",
  "le",
  "g",
];

export function conditionCode(condition: Condition, mnemonic: string): number {
  const code = (CODES as Record<string, number>)[condition];
  if (code === undefined) throw new Error(`x86: ${mnemonic}: unknown condition code "${condition}"`);
  return code;
}

/** The condition that holds exactly when `condition` does not. */
export function negate(condition: Condition): Condition {
  return CANONICAL_CONDITIONS[conditionCode(condition, "negate") ^ 1];
}
