/**
 * The assembler's state: sections, labels, symbols, data directives, pending prefixes, finish.
 *
 * Layer: base of the public `Assembler` (assembler.ts adds one method per instruction). The
 * `sink` is the one door instructions go through: it applies pending rep/lock prefixes and
 * appends to the current section.
 *
 * Invariants: positions handed out before finish() are provisional (branches may still grow);
 * finish() runs once, after which the assembler accepts nothing more; a label belongs to the
 * assembler that created it and is bound at most once; a symbol is defined at most once.
 */

import { type Encoding, encode, littleEndian } from "./encoding.js";
import { type LayoutResult, layout, type SymbolDefinition, sectionSymbol } from "./layout.js";
import type { PlacedData, SectionKind, X86Object } from "./object.js";
import { SECTION_KINDS } from "./object.js";
import { InvalidOperands } from "./operand-kinds.js";
import type { SymbolRef } from "./operands.js";
import { fitsBits, Label } from "./operands.js";
import { type Position, SectionBuffer } from "./section.js";
import type { Sink } from "./sink.js";

export class AssemblerCore {
  private readonly sections = Object.fromEntries(
    SECTION_KINDS.map((k) => [k, new SectionBuffer(k)]),
  ) as Record<SectionKind, SectionBuffer>;
  private current: SectionBuffer = this.sections.text;
  private readonly labels = new Map<Label, Position>();
  private readonly symbols = new Map<string, SymbolDefinition>();
  private readonly placedBlocks: PlacedData[] = [];
  private pendingPrefixes: number[] = [];
  private labelCount = 0;
  private result: LayoutResult | null = null;

  protected readonly sink: Sink = {
    encode: (encoding: Encoding, mnemonic: string) => {
      this.checkOpen(mnemonic);
      const prefixes = [...this.pendingPrefixes, ...(encoding.prefixes ?? [])];
      this.pendingPrefixes = [];
      encode(this.current, { ...encoding, prefixes }, mnemonic);
    },
    branch: (condition: number | null, target: Label, mnemonic: string) => {
      this.checkOpen(mnemonic);
      this.checkOwn(target, mnemonic);
      if (this.pendingPrefixes.length > 0)
        throw new Error(`x86: ${mnemonic}: a prefix cannot apply to a branch`);
      this.current.branch(condition, target, mnemonic);
    },
  };

  // ---- sections, symbols, labels ----

  /** Switch to a section; later code and data append to it. */
  section(kind: SectionKind): this {
    if (!SECTION_KINDS.includes(kind)) throw new Error(`x86: unknown section "${kind}"`);
    this.current = this.sections[kind];
    return this;
  }

  /** Define a global symbol at the current position. */
  global(name: string): this {
    return this.defineSymbol(name, "global");
  }

  /** Define a symbol at the current position that only this object's relocations see. */
  local(name: string): this {
    return this.defineSymbol(name, "local");
  }

  newLabel(): Label {
    return new Label(this.labelCount++, this);
  }

  bind(label: Label): this {
    this.checkOwn(label, "bind");
    if (this.labels.has(label)) throw new Error(`x86: label#${label.id} is bound twice`);
    this.labels.set(label, this.current.here());
    return this;
  }

  /** A new label bound at the current position. */
  label(): Label {
    const label = this.newLabel();
    this.bind(label);
    return label;
  }

  /** Offset in the current section; provisional while a relaxable branch precedes it. */
  position(): number {
    return this.current.size();
  }

  /** Final section and offset of a bound label; available after finish(). */
  offsetOf(label: Label): { section: SectionKind; offset: number } {
    const location = this.result?.labels.get(label);
    if (!location) throw new Error(`x86: offsetOf(label#${label.id}) needs finish() and a bound label`);
    return location;
  }

  /** Resolve labels, relax branches and build the object. Throws on unbound labels. */
  finish(): X86Object {
    if (this.result) throw new Error("x86: finish() was already called");
    if (this.pendingPrefixes.length > 0)
      throw new Error("x86: a prefix was given with no instruction after it");
    const symbols = [...this.symbols.values()];
    this.result = layout({
      sections: this.sections,
      labels: this.labels,
      symbols,
      placed: this.placedBlocks,
    });
    return this.result.object;
  }

  // ---- data ----

  db(...values: number[]): this {
    return this.data("db", 8, values);
  }

  dw(...values: number[]): this {
    return this.data("dw", 16, values);
  }

  /** 32-bit values; a sym() or a Label becomes an abs32 relocation. */
  dd(...values: (number | SymbolRef | Label)[]): this {
    for (const value of values) {
      if (typeof value === "number") this.data("dd", 32, [value]);
      else this.sink.encode({ opcode: [], immediates: [{ size: 4, value }] }, "dd");
    }
    return this;
  }

  dq(...values: (bigint | number)[]): this {
    for (const value of values) {
      const big = BigInt(value);
      if (big < -(1n << 63n) || big >= 1n << 64n)
        throw new Error(`x86: dq(${value}): does not fit in 64 bits`);
      const low = Number(BigInt.asUintN(32, big));
      const high = Number(BigInt.asUintN(32, big >> 32n));
      this.emitBytes("dq", [...littleEndian(low, 4), ...littleEndian(high, 4)]);
    }
    return this;
  }

  bytes(bytes: Uint8Array | readonly number[]): this {
    return this.emitBytes("bytes", [...bytes]);
  }

  /** n zero bytes (the only way to grow bss). */
  space(n: number): this {
    if (!Number.isInteger(n) || n < 0) throw new Error(`x86: space(${n}): need a non-negative integer`);
    return this.emitBytes("space", new Array<number>(n).fill(0));
  }

  /**
   * Pad to a multiple of `alignment` (a power of two) with the byte `fill`; by default text is
   * padded with multi-byte nops (one instruction per 9 bytes) and other sections with zeros.
   */
  align(alignment: number, fill: number | "nop" = this.current.kind === "text" ? "nop" : 0): this {
    if (!Number.isInteger(alignment) || alignment < 1 || (alignment & (alignment - 1)) !== 0) {
      throw new Error(`x86: align(${alignment}): alignment must be a power of two`);
    }
    if (fill !== "nop" && !fitsBits(fill, 8))
      throw new Error(`x86: align(${alignment}, ${fill}): fill is a byte`);
    this.checkOpen("align");
    this.current.align(alignment, fill);
    return this;
  }

  /** Data the linker copies to a fixed virtual address (e.g. wasm data segments). */
  place(address: number, bytes: Uint8Array): this {
    if (!fitsBits(address, 32) || address < 0)
      throw new Error(`x86: place(${address}): not a 32-bit address`);
    this.placedBlocks.push({ address, bytes: Uint8Array.from(bytes) });
    return this;
  }

  // ---- prefixes ----

  rep(): this {
    return this.prefix(0xf3);
  }

  repe(): this {
    return this.prefix(0xf3);
  }

  repne(): this {
    return this.prefix(0xf2);
  }

  lock(): this {
    return this.prefix(0xf0);
  }

  // ---- internals ----

  private prefix(byte: number): this {
    this.pendingPrefixes.push(byte);
    return this;
  }

  private data(directive: string, bits: number, values: readonly number[]): this {
    for (const value of values) {
      if (!fitsBits(value, bits))
        throw new InvalidOperands(directive, [value], `does not fit in ${bits} bits`);
      this.emitBytes(directive, littleEndian(value, bits / 8));
    }
    return this;
  }

  private emitBytes(directive: string, bytes: readonly number[]): this {
    this.checkOpen(directive);
    this.current.emit(bytes);
    return this;
  }

  private defineSymbol(name: string, binding: "global" | "local"): this {
    this.checkOpen(binding);
    if (name.length === 0) throw new Error("x86: a symbol needs a name");
    if (SECTION_KINDS.some((k) => sectionSymbol(k) === name))
      throw new Error(`x86: "${name}" is reserved for sections`);
    if (this.symbols.has(name)) throw new Error(`x86: symbol "${name}" is defined twice`);
    this.symbols.set(name, { name, binding, position: this.current.here() });
    return this;
  }

  private checkOpen(what: string): void {
    if (this.result) throw new Error(`x86: ${what} after finish()`);
  }

  private checkOwn(label: Label, what: string): void {
    if (!(label instanceof Label) || label.owner !== this) {
      throw new Error(`x86: ${what}: label#${label?.id} belongs to another assembler`);
    }
  }
}
