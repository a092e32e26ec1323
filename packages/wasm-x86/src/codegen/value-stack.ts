/**
 * The abstract wasm operand stack and register state of one function (Liftoff-style).
 *
 * Layer: codegen core; the lowering files manipulate values only through this object.
 * Each stack entry says where its value is *now*: a constant, a general register (i32), a
 * register pair (i64), an xmm register (f32/f64), a register plus displacement (an i32 still
 * to be added, kept lazy so loads/stores fold it into the address), a reference to a local
 * (read lazily), a flags condition (an i32 0/1 not yet materialized) or its spill slot.
 *
 * Invariants (checked by `check()`):
 * - every allocatable register is owned by at most one stack entry or in-flight operand;
 * - an entry in a slot sits at the stack position of that slot;
 * - at most one condition entry exists, and only on top of the stack.
 * Popped entries keep their registers until `release` (or until reused as a result), so
 * allocating a destination never clobbers an operand still to be read.
 */

import {
  type Assembler,
  al,
  bl,
  cl,
  dl,
  eax,
  ebx,
  ecx,
  edx,
  esp,
  type Gpr,
  type MemoryOperand,
  m8,
  XMM,
  type Xmm,
} from "@sawmill/x86";
import type { ValType } from "../types.js";
import { type AddressLoc, addressMemory, addressOwned, addressReads } from "./address.js";
import type { Cond } from "./conditions.js";
import type { Frame } from "./frame.js";

export type Loc =
  | { readonly kind: "const"; readonly n: number; readonly big: bigint }
  | { readonly kind: "reg"; readonly reg: Gpr }
  | AddressLoc
  | { readonly kind: "pair"; readonly lo: Gpr; readonly hi: Gpr }
  | { readonly kind: "xmm"; readonly reg: Xmm }
  | { readonly kind: "local"; readonly index: number }
  | { readonly kind: "cond"; readonly cc: Cond }
  | { readonly kind: "slot"; readonly index: number };

export interface Entry {
  readonly type: ValType;
  readonly loc: Loc;
}

const BYTE_REGS = new Map<Gpr, Gpr>([
  [eax, al],
  [ecx, cl],
  [edx, dl],
  [ebx, bl],
]);

/** The 8-bit register sharing `reg`'s low byte (eax→al…), or null for esi/edi/ebp. */
export function lowByte(reg: Gpr): Gpr | null {
  return BYTE_REGS.get(reg) ?? null;
}

export const i32Const = (n: number): Entry => ({
  type: "i32",
  loc: { kind: "const", n: n | 0, big: BigInt(n | 0) },
});

export class ValueStack {
  readonly entries: Entry[] = [];
  private readonly busy = new Set<Gpr | Xmm>();
  /** Every register the function has used (the prologue saves the callee-saved ones). */
  readonly touched = new Set<Gpr>();
  /** Highest spill slot index written + 1 (measured to size the frame). */
  slotsUsed = 0;

  constructor(
    private readonly a: Assembler,
    private readonly frame: Frame,
    /** Registers available for values, in preference order (local homes excluded). */
    private readonly pool: readonly Gpr[],
  ) {}

  get depth(): number {
    return this.entries.length;
  }

  push(type: ValType, loc: Loc): void {
    if (loc.kind === "slot" && loc.index !== this.entries.length) {
      throw new Error(`slot entry ${loc.index} pushed at position ${this.entries.length}`);
    }
    this.entries.push({ type, loc });
  }

  pop(): Entry {
    const entry = this.entries.pop();
    if (!entry) throw new Error("value stack underflow");
    return entry;
  }

  peek(depth = 0): Entry {
    return this.entries[this.entries.length - 1 - depth];
  }

  /** Registers owned by an entry (local homes are never owned). */
  owned(loc: Loc): (Gpr | Xmm)[] {
    switch (loc.kind) {
      case "reg":
      case "xmm":
        return [loc.reg];
      case "address":
        return addressOwned(loc);
      case "pair":
        return [loc.lo, loc.hi];
      default:
        return [];
    }
  }

  release(entry: Entry): void {
    for (const reg of this.owned(entry.loc)) this.busy.delete(reg);
  }

  /** Gives up ownership of a register taken with `claim`/`alloc*` (no-op for local homes). */
  free(reg: Gpr | Xmm): void {
    this.busy.delete(reg);
  }

  isFree(reg: Gpr | Xmm): boolean {
    return !this.busy.has(reg);
  }

  /** Marks a register owned by the caller (it must be free). */
  claim<R extends Gpr | Xmm>(reg: R): R {
    if (this.busy.has(reg)) throw new Error(`register ${reg.name} claimed twice`);
    this.busy.add(reg);
    if (reg.kind === "gpr") this.touched.add(reg);
    return reg;
  }

  /** A free general register from the pool, spilling the deepest register entry if none. */
  allocGpr(options: { byte?: boolean; exclude?: readonly Gpr[] } = {}): Gpr {
    const fits = (r: Gpr) => (!options.byte || lowByte(r) !== null) && !options.exclude?.includes(r);
    for (;;) {
      const reg = this.pool.find((r) => fits(r) && !this.busy.has(r));
      if (reg) return this.claim(reg);
      this.spillDeepest((r) => r.kind === "gpr" && fits(r as Gpr));
    }
  }

  allocXmm(exclude: readonly Xmm[] = []): Xmm {
    for (;;) {
      const reg = XMM.find((r) => !this.busy.has(r) && !exclude.includes(r));
      if (reg) return this.claim(reg);
      this.spillDeepest((r) => r.kind === "xmm" && !exclude.includes(r as Xmm));
    }
  }

  /** Makes `reg` free: its holder moves to another register, or to its slot if none is free. */
  evict(reg: Gpr | Xmm): void {
    if (!this.busy.has(reg)) return;
    const i = this.entries.findIndex((e) => this.owned(e.loc).includes(reg));
    if (i < 0) throw new Error(`register ${reg.name} is held by an operand in flight`);
    const entry = this.entries[i];
    const free = reg.kind === "gpr" && entry.loc.kind === "reg" ? this.freeGprBesides(reg) : null;
    if (free) {
      this.a.mov(this.claim(free), reg as Gpr);
      this.busy.delete(reg);
      this.entries[i] = { type: entry.type, loc: { kind: "reg", reg: free } };
    } else {
      this.spill(i);
    }
  }

  private freeGprBesides(reg: Gpr): Gpr | null {
    return this.pool.find((r) => r !== reg && !this.busy.has(r)) ?? null;
  }

  private spillDeepest(match: (r: Gpr | Xmm) => boolean): void {
    const i = this.entries.findIndex((e) => this.owned(e.loc).some(match));
    if (i < 0) {
      const held = [...this.busy].map((r) => r.name).join(", ");
      throw new Error(`register allocation failed: ${held} are all operands in flight`);
    }
    this.spill(i);
  }

  /** Writes entry `i` to its slot (consts and slots stay; locals are read now when `locals`). */
  spill(i: number, locals = true): void {
    const entry = this.entries[i];
    const { loc } = entry;
    if (loc.kind === "slot" || loc.kind === "const") return;
    if (loc.kind === "local" && !locals) return;
    this.slotsUsed = Math.max(this.slotsUsed, i + 1);
    this.store(entry, i);
    this.release(entry);
    this.entries[i] = { type: entry.type, loc: { kind: "slot", index: i } };
  }

  /** Writes an entry to slot i without allocating (allocation may be what is spilling). */
  private store(entry: Entry, i: number): void {
    const { loc } = entry;
    const slot = (half = 0) => this.frame.slot(i, half);
    switch (loc.kind) {
      case "xmm":
        if (entry.type === "f32") this.a.movss(slot(), loc.reg);
        else this.a.movsd(this.frame.slot(i, 0, true), loc.reg);
        return;
      case "pair":
        this.a.mov(slot(), loc.lo);
        this.a.mov(slot(4), loc.hi);
        return;
      case "reg":
        this.a.mov(slot(), loc.reg);
        return;
      case "address": {
        // evaluate in a register the entry owns; one owning nothing is never chosen by
        // spillDeepest, so allocating a scratch for it cannot recurse
        const owned = addressOwned(loc)[0];
        const reg = owned ?? this.allocGpr();
        this.a.lea(reg, addressMemory(loc, 0));
        this.a.mov(slot(), reg);
        if (!owned) this.busy.delete(reg);
        return;
      }
      case "cond":
        this.a.mov(slot(), 0); // mov leaves the flags alone
        this.a.setcc(loc.cc, m8({ base: esp, disp: slot().disp }));
        return;
      case "local": {
        const home = this.frame.homes[loc.index];
        if (home.kind === "reg") {
          this.a.mov(slot(), home.reg);
          return;
        }
        // memory to memory through a scratch register: allocating is safe here because
        // spillDeepest only ever spills register-owning entries, never a local reference
        const halves = entry.type === "i64" || entry.type === "f64" ? [0, 4] : [0];
        const scratch = this.allocGpr();
        for (const half of halves) {
          this.a.mov(scratch, this.frame.localMemory(loc.index, half));
          this.a.mov(slot(half), scratch);
        }
        this.busy.delete(scratch);
        return;
      }
      default:
        throw new Error(`cannot spill ${loc.kind}`);
    }
  }

  /** Spills every entry (block entry: merges then find all outer values in their slots). */
  spillAll(): void {
    for (let i = 0; i < this.entries.length; i++) this.spill(i);
  }

  /** Spills what a cdecl call may clobber: eax/ecx/edx, xmm registers and the flags. */
  spillCallerSaved(): void {
    const clobbered = (r: Gpr | Xmm) => r.kind === "xmm" || r === eax || r === ecx || r === edx;
    this.entries.forEach((e, i) => {
      if (e.loc.kind === "cond" || this.owned(e.loc).some(clobbered)) this.spill(i);
    });
  }

  /** Reads local `index` into a register now, for every entry that still refers to it lazily. */
  detachLocal(index: number): void {
    this.entries.forEach((e, i) => {
      const refers =
        (e.loc.kind === "local" && e.loc.index === index) ||
        (e.loc.kind === "address" && addressReads(e.loc, index));
      if (!refers) return;
      if (e.type === "i32") {
        const reg = (e.loc.kind === "address" && addressOwned(e.loc)[0]) || this.allocGpr();
        this.loadI32(reg, e);
        this.release(e);
        this.busy.add(reg);
        this.entries[i] = { type: "i32", loc: { kind: "reg", reg } };
      } else {
        this.spill(i);
      }
    });
  }

  /** Loads an i32 (or f32 bits) entry's value into `dst` without touching the flags except for
   * `cond`, which the flags are read for. */
  loadI32(dst: Gpr, entry: Entry): void {
    const { loc } = entry;
    switch (loc.kind) {
      case "const":
        this.a.mov(dst, loc.n);
        return;
      case "reg":
        if (loc.reg !== dst) this.a.mov(dst, loc.reg);
        return;
      case "address":
        if (loc.index === null && loc.disp === 0) {
          if (loc.base !== dst) this.a.mov(dst, loc.base!);
        } else {
          this.a.lea(dst, addressMemory(loc, 0));
        }
        return;
      case "cond": {
        const byte = lowByte(dst);
        if (!byte) throw new Error(`setcc needs a byte register, got ${dst.name}`);
        this.a.setcc(loc.cc, byte);
        this.a.movzx(dst, byte);
        return;
      }
      case "local": {
        const home = this.frame.homes[loc.index];
        if (home.kind !== "reg") this.a.mov(dst, this.memoryOf(entry));
        else if (home.reg !== dst) this.a.mov(dst, home.reg);
        return;
      }
      default:
        this.a.mov(dst, this.memoryOf(entry));
    }
  }

  /** Memory operand of an entry that lives in a slot or a memory-resident local. */
  memoryOf(entry: Entry, half = 0, wide = false): MemoryOperand {
    const { loc } = entry;
    if (loc.kind === "slot") return this.frame.slot(loc.index, half, wide);
    if (loc.kind === "local") return this.frame.localMemory(loc.index, half, wide);
    throw new Error(`entry in ${loc.kind} has no memory operand`);
  }

  /** Asserts the invariants listed in the header. */
  check(): void {
    const seen = new Set<Gpr | Xmm>();
    this.entries.forEach((e, i) => {
      for (const r of this.owned(e.loc)) {
        if (seen.has(r)) throw new Error(`register ${r.name} owned twice`);
        if (!this.busy.has(r)) throw new Error(`register ${r.name} owned but not marked busy`);
        seen.add(r);
      }
      if (e.loc.kind === "slot" && e.loc.index !== i) throw new Error(`slot ${e.loc.index} at position ${i}`);
      if (e.loc.kind === "cond" && i !== this.entries.length - 1) throw new Error("condition below the top");
    });
  }

  /** Registers marked busy but held by no entry (leaks in a lowering; checked at block ends). */
  leaked(): string[] {
    const held = new Set(this.entries.flatMap((e) => this.owned(e.loc)));
    return [...this.busy].filter((r) => !held.has(r)).map((r) => r.name);
  }
}
