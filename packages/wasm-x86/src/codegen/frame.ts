/**
 * Stack frame of one compiled function: where each local lives and where spill slots are.
 *
 * Layer: codegen. Layout, from esp after the prologue (esp stays fixed in the body except
 * while a call pushes its arguments, tracked by `pushed`):
 *
 *   [esp + pushed + 0]                       frame-resident locals, 8 bytes each
 *   [esp + pushed + localBytes + 8*i]        spill slot of value-stack position i
 *   [esp + pushed + size]                    saved callee-saved registers (4 bytes each)
 *   [... + 4*saved.length]                   return address
 *   [... + 4*saved.length + 4 + argOffset]   cdecl arguments (parameters not in registers live here)
 *
 * Invariant: a value-stack position always spills to the same slot, so control-flow merges
 * agree on where spilled values are without any shuffling.
 */

import { esp, type Gpr, type MemoryOperand, m32, m64 } from "@sawmill/x86";
import type { ValType } from "../types.js";
import { byteSize } from "../types.js";

export type LocalHome =
  | { readonly kind: "reg"; readonly reg: Gpr }
  | { readonly kind: "frame"; readonly offset: number }
  | { readonly kind: "arg"; readonly offset: number };

export class Frame {
  /** Bytes currently pushed below the fixed frame (call argument sequences). */
  pushed = 0;

  constructor(
    readonly localTypes: readonly ValType[],
    readonly homes: readonly LocalHome[],
    readonly localBytes: number,
    /** Number of spill slots reserved (exact in the final pass, generous while measuring). */
    readonly slots: number,
    /** Callee-saved registers the prologue pushes, in push order. */
    readonly saved: readonly Gpr[],
    /** Offset of each parameter within the cdecl argument area. */
    readonly argOffsets: readonly number[],
  ) {}

  get size(): number {
    return this.localBytes + 8 * this.slots;
  }

  /** The 32-bit (or 64-bit with `wide`) memory operand of spill slot `index`, plus `half` bytes. */
  slot(index: number, half = 0, wide = false): MemoryOperand {
    if (index >= this.slots) throw new Error(`spill slot ${index} beyond the ${this.slots} reserved`);
    const disp = this.pushed + this.localBytes + 8 * index + half;
    return wide ? m64({ base: esp, disp }) : m32({ base: esp, disp });
  }

  /** Memory operand of a local that is not in a register. */
  localMemory(index: number, half = 0, wide = false): MemoryOperand {
    const home = this.homes[index];
    if (home.kind === "reg") throw new Error(`local ${index} lives in ${home.reg.name}, not in memory`);
    const base = home.kind === "frame" ? this.pushed : this.pushed + this.size + 4 * this.saved.length + 4;
    const disp = base + home.offset + half;
    return wide ? m64({ base: esp, disp }) : m32({ base: esp, disp });
  }

  /** The incoming argument slot of parameter `index` (the prologue loads register parameters). */
  argMemory(index: number): MemoryOperand {
    const disp = this.pushed + this.size + 4 * this.saved.length + 4 + this.argOffsets[index];
    return m32({ base: esp, disp });
  }

  localType(index: number): ValType {
    return this.localTypes[index];
  }
}

/** Assigns homes: chosen i32 locals to registers, other parameters to their argument slot,
 * other locals to 8-byte frame slots. */
export function planHomes(
  params: readonly ValType[],
  locals: readonly ValType[],
  registerLocals: ReadonlyMap<number, Gpr>,
): { homes: LocalHome[]; localBytes: number; argOffsets: number[] } {
  const homes: LocalHome[] = [];
  const argOffsets: number[] = [];
  let argOffset = 0;
  let localBytes = 0;
  params.forEach((type, i) => {
    const reg = registerLocals.get(i);
    homes.push(reg ? { kind: "reg", reg } : { kind: "arg", offset: argOffset });
    argOffsets.push(argOffset);
    argOffset += byteSize(type);
  });
  locals.forEach((_, j) => {
    const reg = registerLocals.get(params.length + j);
    if (reg) {
      homes.push({ kind: "reg", reg });
    } else {
      homes.push({ kind: "frame", offset: localBytes });
      localBytes += 8;
    }
  });
  return { homes, localBytes, argOffsets };
}
