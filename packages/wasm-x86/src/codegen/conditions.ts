/**
 * x86 condition codes as the code generator uses them, with negation and operand swapping.
 *
 * Layer: codegen utility. Only canonical names are produced, so `negate` and `swap` are total.
 */

export type Cond =
  | "o"
  | "no"
  | "b"
  | "ae"
  | "e"
  | "ne"
  | "be"
  | "a"
  | "s"
  | "ns"
  | "p"
  | "np"
  | "l"
  | "ge"
  | "le"
  | "g";

const NEGATED: Record<Cond, Cond> = {
  o: "no",
  no: "o",
  b: "ae",
  ae: "b",
  e: "ne",
  ne: "e",
  be: "a",
  a: "be",
  s: "ns",
  ns: "s",
  p: "np",
  np: "p",
  l: "ge",
  ge: "l",
  le: "g",
  g: "le",
};

/** The condition that holds when `cc` of `cmp x, y` holds for `cmp y, x`. */
const SWAPPED: Partial<Record<Cond, Cond>> = {
  e: "e",
  ne: "ne",
  b: "a",
  a: "b",
  be: "ae",
  ae: "be",
  l: "g",
  g: "l",
  le: "ge",
  ge: "le",
};

export function negate(cc: Cond): Cond {
  return NEGATED[cc];
}

export function swapOperands(cc: Cond): Cond {
  const swapped = SWAPPED[cc];
  if (!swapped) throw new Error(`condition ${cc} has no operand-swapped form`);
  return swapped;
}
