/**
 * The Assembler: an IA-32 assembler driven by method calls, one per mnemonic.
 *
 * Layer: public facade of @sawmill/x86. Operands are Intel order (destination first); method
 * names are the lowercase mnemonics. Each method validates and encodes through an instruction
 * family module (integer, control, string, system, sse); the state (sections, labels, symbols,
 * data directives, prefixes, finish) lives in `AssemblerCore`.
 *
 * Typical use:
 *   const a = new Assembler();
 *   a.section("text"); a.global("f");
 *   const done = a.newLabel();
 *   a.test(eax, eax); a.jcc("z", done); a.call("env.log"); a.bind(done); a.ret();
 *   const object = a.finish();
 */

import { AssemblerCore } from "./assembler-core.js";
import type { Condition } from "./conditions.js";
import type { BranchTarget } from "./control.js";
import * as control from "./control.js";
import * as integer from "./integer.js";
import type { Label, Operand, SymbolRef } from "./operands.js";
import * as sse from "./sse.js";
import { type StringOp, type StringWidth, stringOp } from "./string.js";
import * as system from "./system.js";

export class Assembler extends AssemblerCore {
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

  private string(op: StringOp, width: StringWidth): void {
    stringOp(this.sink, op, width);
  }
}
