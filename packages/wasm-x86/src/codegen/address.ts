/**
 * Lazy address values: `base + index*scale + disp`, kept unevaluated on the value stack so a
 * following load/store uses one addressing mode and anything else one `lea`.
 *
 * Layer: codegen value representation (a `Loc` kind of `value-stack.ts`). Each register is
 * either owned by the entry (its `*Local` is -1) or the home register of a local (`*Local` is
 * that local's index, so a later `local.set` knows to evaluate the entry first).
 */

import { type Gpr, type MemoryOperand, m8, m16, m32, m64, type Scale } from "@sawmill/x86";

export interface AddressLoc {
  readonly kind: "address";
  readonly base: Gpr | null;
  readonly baseLocal: number;
  readonly index: Gpr | null;
  readonly indexLocal: number;
  readonly scale: Scale;
  readonly disp: number;
}

export function address(parts: Partial<Omit<AddressLoc, "kind">>): AddressLoc {
  return {
    kind: "address",
    base: parts.base ?? null,
    baseLocal: parts.baseLocal ?? -1,
    index: parts.index ?? null,
    indexLocal: parts.indexLocal ?? -1,
    scale: parts.scale ?? 1,
    disp: (parts.disp ?? 0) | 0,
  };
}

/** Registers the entry owns (must be freed with it). */
export function addressOwned(loc: AddressLoc): Gpr[] {
  const owned: Gpr[] = [];
  if (loc.base && loc.baseLocal < 0) owned.push(loc.base);
  if (loc.index && loc.indexLocal < 0) owned.push(loc.index);
  return owned;
}

export function addressReads(loc: AddressLoc, local: number): boolean {
  return (loc.base !== null && loc.baseLocal === local) || (loc.index !== null && loc.indexLocal === local);
}

/** The memory operand at the address plus `extra` bytes, of the given width. */
export function addressMemory(loc: AddressLoc, extra: number, size: 8 | 16 | 32 | 64 = 32): MemoryOperand {
  const make = size === 8 ? m8 : size === 16 ? m16 : size === 32 ? m32 : m64;
  return make({
    base: loc.base ?? undefined,
    index: loc.index ?? undefined,
    scale: loc.scale,
    disp: Number(BigInt.asIntN(32, BigInt(loc.disp) + BigInt(extra))),
  });
}
