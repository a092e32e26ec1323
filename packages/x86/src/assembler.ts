/**
 * The Assembler: an IA-32 assembler driven by method calls, one per mnemonic.
 *
 * Layer: public facade of @sawmill/x86. Operands are Intel order (destination first); method
 * names are the lowercase mnemonics. Each method validates and encodes through an instruction
 * family module (integer, control, string, system, sse); this class only holds the state:
 * sections, labels, symbols, pending prefixes.
 *
 * Typical use:
 *   const a = new Assembler();
 *   a.section("text"); a.global("f");
 *   const done = a.newLabel();
 *   a.test(eax, eax); a.jcc("z", done); a.call("env.log"); a.bind(done); a.ret();
 *   const object = a.finish();
 *
 * Invariants: positions handed out before finish() are provisional (branches may still grow);
 * finish() runs once, after which the assembler accepts nothing more; a label belongs to the
 * assembler that created it and is bound at most once; a symbol is defined at most once.
 */

import type { Condition } from "./conditions.js";
import type { BranchTarget } from "./control.js";
import * as control from "./control.js";
import { type Encoding, encode, littleEndian } from "./encoding.js";
import * as integer from "./integer.js";
import { type LayoutResult, layout, type SymbolDefinition, sectionSymbol } from "./layout.js";
import type { PlacedData, SectionKind, X86Object } from "./object.js";
import { SECTION_KINDS } from "./object.js";
import { InvalidOperands } from "./operand-kinds.js";
import type { Operand, SymbolRef } from "./operands.js";
import { fitsBits, Label } from "./operands.js";
import { type Position, SectionBuffer } from "./section.js";
import type { Sink } from "./sink.js";
import * as sse from "./sse.js";
import { type StringOp, type StringWidth, stringOp } from "./string.js";
import * as system from "./system.js";

export class Assembler {
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

  private readonly sink: Sink = {
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

  // ---- integer ----

  mov(dst: Operand, src: Operand): void {
    integer.mov(this.sink, dst, src);
  }
  movzx(dst: Operand, src: Operand): void {
    integer.extend(this.sink, "movzx", dst, src);
  }
  movsx(dst: Operand, src: Operand): void {
    integer.extend(this.sink, "movsx", dst, src);
  }
  lea(dst: Operand, src: Operand): void {
    integer.lea(this.sink, dst, src);
  }
  add(dst: Operand, src: Operand): void {
    integer.alu(this.sink, "add", dst, src);
  }
  or(dst: Operand, src: Operand): void {
    integer.alu(this.sink, "or", dst, src);
  }
  adc(dst: Operand, src: Operand): void {
    integer.alu(this.sink, "adc", dst, src);
  }
  sbb(dst: Operand, src: Operand): void {
    integer.alu(this.sink, "sbb", dst, src);
  }
  and(dst: Operand, src: Operand): void {
    integer.alu(this.sink, "and", dst, src);
  }
  sub(dst: Operand, src: Operand): void {
    integer.alu(this.sink, "sub", dst, src);
  }
  xor(dst: Operand, src: Operand): void {
    integer.alu(this.sink, "xor", dst, src);
  }
  cmp(dst: Operand, src: Operand): void {
    integer.alu(this.sink, "cmp", dst, src);
  }
  test(dst: Operand, src: Operand): void {
    integer.test(this.sink, dst, src);
  }
  inc(operand: Operand): void {
    integer.incDec(this.sink, "inc", operand);
  }
  dec(operand: Operand): void {
    integer.incDec(this.sink, "dec", operand);
  }
  not(operand: Operand): void {
    integer.unary(this.sink, "not", operand);
  }
  neg(operand: Operand): void {
    integer.unary(this.sink, "neg", operand);
  }
  mul(operand: Operand): void {
    integer.unary(this.sink, "mul", operand);
  }
  div(operand: Operand): void {
    integer.unary(this.sink, "div", operand);
  }
  idiv(operand: Operand): void {
    integer.unary(this.sink, "idiv", operand);
  }
  /** imul r/m (edx:eax); imul r, r/m; imul r, imm; imul r, r/m, imm. */
  imul(dst: Operand, src?: Operand, factor?: Operand): void {
    integer.imul(this.sink, dst, src, factor);
  }
  rol(dst: Operand, count: Operand): void {
    integer.shift(this.sink, "rol", dst, count);
  }
  ror(dst: Operand, count: Operand): void {
    integer.shift(this.sink, "ror", dst, count);
  }
  rcl(dst: Operand, count: Operand): void {
    integer.shift(this.sink, "rcl", dst, count);
  }
  rcr(dst: Operand, count: Operand): void {
    integer.shift(this.sink, "rcr", dst, count);
  }
  shl(dst: Operand, count: Operand): void {
    integer.shift(this.sink, "shl", dst, count);
  }
  sal(dst: Operand, count: Operand): void {
    integer.shift(this.sink, "shl", dst, count);
  }
  shr(dst: Operand, count: Operand): void {
    integer.shift(this.sink, "shr", dst, count);
  }
  sar(dst: Operand, count: Operand): void {
    integer.shift(this.sink, "sar", dst, count);
  }
  shld(dst: Operand, src: Operand, count: Operand): void {
    integer.doubleShift(this.sink, "shld", dst, src, count);
  }
  shrd(dst: Operand, src: Operand, count: Operand): void {
    integer.doubleShift(this.sink, "shrd", dst, src, count);
  }
  push(operand: Operand): void {
    integer.push(this.sink, operand);
  }
  pop(operand: Operand): void {
    integer.pop(this.sink, operand);
  }
  xchg(a: Operand, b: Operand): void {
    integer.xchg(this.sink, a, b);
  }
  cmpxchg(dst: Operand, src: Operand): void {
    integer.exchangeAdd(this.sink, "cmpxchg", dst, src);
  }
  xadd(dst: Operand, src: Operand): void {
    integer.exchangeAdd(this.sink, "xadd", dst, src);
  }
  setcc(condition: Condition, dst: Operand): void {
    integer.setcc(this.sink, condition, dst);
  }
  cmovcc(condition: Condition, dst: Operand, src: Operand): void {
    integer.cmovcc(this.sink, condition, dst, src);
  }
  bt(dst: Operand, bit: Operand): void {
    integer.bitTest(this.sink, "bt", dst, bit);
  }
  bts(dst: Operand, bit: Operand): void {
    integer.bitTest(this.sink, "bts", dst, bit);
  }
  btr(dst: Operand, bit: Operand): void {
    integer.bitTest(this.sink, "btr", dst, bit);
  }
  btc(dst: Operand, bit: Operand): void {
    integer.bitTest(this.sink, "btc", dst, bit);
  }
  bsf(dst: Operand, src: Operand): void {
    integer.bitScan(this.sink, "bsf", dst, src);
  }
  bsr(dst: Operand, src: Operand): void {
    integer.bitScan(this.sink, "bsr", dst, src);
  }
  popcnt(dst: Operand, src: Operand): void {
    integer.bitScan(this.sink, "popcnt", dst, src);
  }
  bswap(reg: Operand): void {
    integer.bswap(this.sink, reg);
  }
  cdq(): void {
    system.fixed(this.sink, "cdq");
  }
  cwde(): void {
    system.fixed(this.sink, "cwde");
  }
  cbw(): void {
    system.fixed(this.sink, "cbw");
  }
  cwd(): void {
    system.fixed(this.sink, "cwd");
  }

  // ---- control ----

  /** jmp label (short or near, chosen by relaxation), jmp "symbol", jmp r32/m32. */
  jmp(target: BranchTarget): void {
    control.jmp(this.sink, target);
  }
  jcc(condition: Condition, target: Label | string | SymbolRef): void {
    control.jcc(this.sink, condition, target);
  }
  call(target: BranchTarget): void {
    control.call(this.sink, target);
  }
  ret(popBytes?: number): void {
    control.ret(this.sink, popBytes);
  }
  /** jmp selector:offset (0xEA ptr16:32), e.g. jmpFar(0x08, reload) to reload cs. */
  jmpFar(selector: number, target: Label | string | number): void {
    control.jmpFar(this.sink, selector, target);
  }

  // ---- strings (movsd and cmpsd with operands are the SSE instructions) ----

  movsb(): void {
    this.string("movs", "b");
  }
  movsw(): void {
    this.string("movs", "w");
  }
  /** Without operands: the string move. With operands: the SSE2 scalar double move. */
  movsd(dst?: Operand, src?: Operand): void {
    if (dst === undefined && src === undefined) {
      this.string("movs", "d");
      return;
    }
    sse.sseMove(this.sink, "movsd", dst!, src!);
  }
  stosb(): void {
    this.string("stos", "b");
  }
  stosw(): void {
    this.string("stos", "w");
  }
  stosd(): void {
    this.string("stos", "d");
  }
  lodsb(): void {
    this.string("lods", "b");
  }
  lodsw(): void {
    this.string("lods", "w");
  }
  lodsd(): void {
    this.string("lods", "d");
  }
  cmpsb(): void {
    this.string("cmps", "b");
  }
  cmpsw(): void {
    this.string("cmps", "w");
  }
  /** Without operands: the string compare. With operands: the SSE2 scalar double compare. */
  cmpsd(dst?: Operand, src?: Operand, predicate?: Operand): void {
    if (dst === undefined) {
      this.string("cmps", "d");
      return;
    }
    sse.sseWithImm(this.sink, "cmpsd", dst, src!, predicate!);
  }
  scasb(): void {
    this.string("scas", "b");
  }
  scasw(): void {
    this.string("scas", "w");
  }
  scasd(): void {
    this.string("scas", "d");
  }
  insb(): void {
    this.string("ins", "b");
  }
  insw(): void {
    this.string("ins", "w");
  }
  insd(): void {
    this.string("ins", "d");
  }
  outsb(): void {
    this.string("outs", "b");
  }
  outsw(): void {
    this.string("outs", "w");
  }
  outsd(): void {
    this.string("outs", "d");
  }

  // ---- system and miscellaneous ----

  nop(): void {
    system.fixed(this.sink, "nop");
  }
  leave(): void {
    system.fixed(this.sink, "leave");
  }
  pushfd(): void {
    system.fixed(this.sink, "pushfd");
  }
  popfd(): void {
    system.fixed(this.sink, "popfd");
  }
  pushad(): void {
    system.fixed(this.sink, "pushad");
  }
  popad(): void {
    system.fixed(this.sink, "popad");
  }
  cld(): void {
    system.fixed(this.sink, "cld");
  }
  std(): void {
    system.fixed(this.sink, "std");
  }
  clc(): void {
    system.fixed(this.sink, "clc");
  }
  stc(): void {
    system.fixed(this.sink, "stc");
  }
  cmc(): void {
    system.fixed(this.sink, "cmc");
  }
  cli(): void {
    system.fixed(this.sink, "cli");
  }
  sti(): void {
    system.fixed(this.sink, "sti");
  }
  hlt(): void {
    system.fixed(this.sink, "hlt");
  }
  iretd(): void {
    system.fixed(this.sink, "iretd");
  }
  /** Same as iretd: 32-bit code has no other iret worth emitting. */
  iret(): void {
    system.fixed(this.sink, "iretd");
  }
  int3(): void {
    system.fixed(this.sink, "int3");
  }
  int(vector: number): void {
    system.interrupt(this.sink, vector);
  }
  sysenter(): void {
    system.fixed(this.sink, "sysenter");
  }
  sysexit(): void {
    system.fixed(this.sink, "sysexit");
  }
  rdtsc(): void {
    system.fixed(this.sink, "rdtsc");
  }
  cpuid(): void {
    system.fixed(this.sink, "cpuid");
  }
  wrmsr(): void {
    system.fixed(this.sink, "wrmsr");
  }
  rdmsr(): void {
    system.fixed(this.sink, "rdmsr");
  }
  pause(): void {
    system.fixed(this.sink, "pause");
  }
  ud2(): void {
    system.fixed(this.sink, "ud2");
  }
  clts(): void {
    system.fixed(this.sink, "clts");
  }
  wbinvd(): void {
    system.fixed(this.sink, "wbinvd");
  }
  mfence(): void {
    system.fixed(this.sink, "mfence");
  }
  lgdt(operand: Operand): void {
    system.tableOp(this.sink, "lgdt", operand);
  }
  lidt(operand: Operand): void {
    system.tableOp(this.sink, "lidt", operand);
  }
  sgdt(operand: Operand): void {
    system.tableOp(this.sink, "sgdt", operand);
  }
  sidt(operand: Operand): void {
    system.tableOp(this.sink, "sidt", operand);
  }
  invlpg(operand: Operand): void {
    system.tableOp(this.sink, "invlpg", operand);
  }
  ltr(operand: Operand): void {
    system.loadSelector(this.sink, "ltr", operand);
  }
  lldt(operand: Operand): void {
    system.loadSelector(this.sink, "lldt", operand);
  }
  /** in al|ax|eax, imm8|dx */
  in(dst: Operand, port: Operand): void {
    system.portIn(this.sink, dst, port);
  }
  /** out imm8|dx, al|ax|eax */
  out(port: Operand, src: Operand): void {
    system.portOut(this.sink, port, src);
  }

  // ---- SSE ----

  movss(dst: Operand, src: Operand): void {
    sse.sseMove(this.sink, "movss", dst, src);
  }
  movaps(dst: Operand, src: Operand): void {
    sse.sseMove(this.sink, "movaps", dst, src);
  }
  movapd(dst: Operand, src: Operand): void {
    sse.sseMove(this.sink, "movapd", dst, src);
  }
  movups(dst: Operand, src: Operand): void {
    sse.sseMove(this.sink, "movups", dst, src);
  }
  movupd(dst: Operand, src: Operand): void {
    sse.sseMove(this.sink, "movupd", dst, src);
  }
  movdqa(dst: Operand, src: Operand): void {
    sse.sseMove(this.sink, "movdqa", dst, src);
  }
  movdqu(dst: Operand, src: Operand): void {
    sse.sseMove(this.sink, "movdqu", dst, src);
  }
  movd(dst: Operand, src: Operand): void {
    sse.movd(this.sink, dst, src);
  }
  movq(dst: Operand, src: Operand): void {
    sse.movq(this.sink, dst, src);
  }
  addss(dst: Operand, src: Operand): void {
    sse.sseBinary(this.sink, "addss", dst, src);
  }
  addsd(dst: Operand, src: Operand): void {
    sse.sseBinary(this.sink, "addsd", dst, src);
  }
  subss(dst: Operand, src: Operand): void {
    sse.sseBinary(this.sink, "subss", dst, src);
  }
  subsd(dst: Operand, src: Operand): void {
    sse.sseBinary(this.sink, "subsd", dst, src);
  }
  mulss(dst: Operand, src: Operand): void {
    sse.sseBinary(this.sink, "mulss", dst, src);
  }
  mulsd(dst: Operand, src: Operand): void {
    sse.sseBinary(this.sink, "mulsd", dst, src);
  }
  divss(dst: Operand, src: Operand): void {
    sse.sseBinary(this.sink, "divss", dst, src);
  }
  divsd(dst: Operand, src: Operand): void {
    sse.sseBinary(this.sink, "divsd", dst, src);
  }
  sqrtss(dst: Operand, src: Operand): void {
    sse.sseBinary(this.sink, "sqrtss", dst, src);
  }
  sqrtsd(dst: Operand, src: Operand): void {
    sse.sseBinary(this.sink, "sqrtsd", dst, src);
  }
  minss(dst: Operand, src: Operand): void {
    sse.sseBinary(this.sink, "minss", dst, src);
  }
  minsd(dst: Operand, src: Operand): void {
    sse.sseBinary(this.sink, "minsd", dst, src);
  }
  maxss(dst: Operand, src: Operand): void {
    sse.sseBinary(this.sink, "maxss", dst, src);
  }
  maxsd(dst: Operand, src: Operand): void {
    sse.sseBinary(this.sink, "maxsd", dst, src);
  }
  comiss(dst: Operand, src: Operand): void {
    sse.sseBinary(this.sink, "comiss", dst, src);
  }
  comisd(dst: Operand, src: Operand): void {
    sse.sseBinary(this.sink, "comisd", dst, src);
  }
  ucomiss(dst: Operand, src: Operand): void {
    sse.sseBinary(this.sink, "ucomiss", dst, src);
  }
  ucomisd(dst: Operand, src: Operand): void {
    sse.sseBinary(this.sink, "ucomisd", dst, src);
  }
  cvtss2sd(dst: Operand, src: Operand): void {
    sse.sseBinary(this.sink, "cvtss2sd", dst, src);
  }
  cvtsd2ss(dst: Operand, src: Operand): void {
    sse.sseBinary(this.sink, "cvtsd2ss", dst, src);
  }
  cvtsi2ss(dst: Operand, src: Operand): void {
    sse.sseFromGpr(this.sink, "cvtsi2ss", dst, src);
  }
  cvtsi2sd(dst: Operand, src: Operand): void {
    sse.sseFromGpr(this.sink, "cvtsi2sd", dst, src);
  }
  cvttss2si(dst: Operand, src: Operand): void {
    sse.sseToGpr(this.sink, "cvttss2si", dst, src);
  }
  cvttsd2si(dst: Operand, src: Operand): void {
    sse.sseToGpr(this.sink, "cvttsd2si", dst, src);
  }
  cvtss2si(dst: Operand, src: Operand): void {
    sse.sseToGpr(this.sink, "cvtss2si", dst, src);
  }
  cvtsd2si(dst: Operand, src: Operand): void {
    sse.sseToGpr(this.sink, "cvtsd2si", dst, src);
  }
  movmskps(dst: Operand, src: Operand): void {
    sse.sseToGpr(this.sink, "movmskps", dst, src);
  }
  movmskpd(dst: Operand, src: Operand): void {
    sse.sseToGpr(this.sink, "movmskpd", dst, src);
  }
  andps(dst: Operand, src: Operand): void {
    sse.sseBinary(this.sink, "andps", dst, src);
  }
  andpd(dst: Operand, src: Operand): void {
    sse.sseBinary(this.sink, "andpd", dst, src);
  }
  andnps(dst: Operand, src: Operand): void {
    sse.sseBinary(this.sink, "andnps", dst, src);
  }
  andnpd(dst: Operand, src: Operand): void {
    sse.sseBinary(this.sink, "andnpd", dst, src);
  }
  orps(dst: Operand, src: Operand): void {
    sse.sseBinary(this.sink, "orps", dst, src);
  }
  orpd(dst: Operand, src: Operand): void {
    sse.sseBinary(this.sink, "orpd", dst, src);
  }
  xorps(dst: Operand, src: Operand): void {
    sse.sseBinary(this.sink, "xorps", dst, src);
  }
  xorpd(dst: Operand, src: Operand): void {
    sse.sseBinary(this.sink, "xorpd", dst, src);
  }
  pand(dst: Operand, src: Operand): void {
    sse.sseBinary(this.sink, "pand", dst, src);
  }
  pandn(dst: Operand, src: Operand): void {
    sse.sseBinary(this.sink, "pandn", dst, src);
  }
  por(dst: Operand, src: Operand): void {
    sse.sseBinary(this.sink, "por", dst, src);
  }
  pxor(dst: Operand, src: Operand): void {
    sse.sseBinary(this.sink, "pxor", dst, src);
  }
  unpcklps(dst: Operand, src: Operand): void {
    sse.sseBinary(this.sink, "unpcklps", dst, src);
  }
  unpcklpd(dst: Operand, src: Operand): void {
    sse.sseBinary(this.sink, "unpcklpd", dst, src);
  }
  /** psrlq xmm, imm8 or xmm, xmm/m128. */
  psrlq(dst: Operand, count: Operand): void {
    if (typeof count === "number") sse.sseShiftImm(this.sink, "psrlq", dst, count);
    else sse.sseBinary(this.sink, "psrlq", dst, count);
  }
  /** psllq xmm, imm8 or xmm, xmm/m128. */
  psllq(dst: Operand, count: Operand): void {
    if (typeof count === "number") sse.sseShiftImm(this.sink, "psllq", dst, count);
    else sse.sseBinary(this.sink, "psllq", dst, count);
  }
  psrld(dst: Operand, count: Operand): void {
    sse.sseShiftImm(this.sink, "psrld", dst, count);
  }
  pslld(dst: Operand, count: Operand): void {
    sse.sseShiftImm(this.sink, "pslld", dst, count);
  }
  psrldq(dst: Operand, count: Operand): void {
    sse.sseShiftImm(this.sink, "psrldq", dst, count);
  }
  pslldq(dst: Operand, count: Operand): void {
    sse.sseShiftImm(this.sink, "pslldq", dst, count);
  }
  /** cmpss xmm, xmm/m32, predicate (0 eq, 1 lt, 2 le, 3 unord, 4 neq, 5 nlt, 6 nle, 7 ord). */
  cmpss(dst: Operand, src: Operand, predicate: Operand): void {
    sse.sseWithImm(this.sink, "cmpss", dst, src, predicate);
  }
  /** roundss xmm, xmm/m32, mode (SSE4.1; bit 3 suppresses precision exceptions). */
  roundss(dst: Operand, src: Operand, mode: Operand): void {
    sse.sseWithImm(this.sink, "roundss", dst, src, mode);
  }
  /** roundsd xmm, xmm/m64, mode (SSE4.1). */
  roundsd(dst: Operand, src: Operand, mode: Operand): void {
    sse.sseWithImm(this.sink, "roundsd", dst, src, mode);
  }
  ldmxcsr(operand: Operand): void {
    sse.mxcsr(this.sink, "ldmxcsr", operand);
  }
  stmxcsr(operand: Operand): void {
    sse.mxcsr(this.sink, "stmxcsr", operand);
  }

  // ---- internals ----

  private string(op: StringOp, width: StringWidth): void {
    stringOp(this.sink, op, width);
  }

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
