// Every supported encoding form, checked against an independent decoder: GNU objdump.
//
// The cases come from tables (instructions × operand shapes × registers). Each case says how to
// emit one instruction and what objdump's Intel syntax for it is; the expected text is built by
// the small formatter below from the same operands, never from our own encoder. All cases are
// assembled into one text section, disassembled by one objdump run, and compared instruction by
// instruction: each case must decode as exactly one instruction starting where it was emitted.
// objdump is required (CI installs binutils): a missing objdump fails the test, it never skips.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  Assembler,
  al,
  ax,
  CANONICAL_CONDITIONS,
  cl,
  cr0,
  cr2,
  cr3,
  cr4,
  dl,
  ds,
  dx,
  eax,
  ebp,
  ebx,
  ecx,
  edi,
  edx,
  es,
  esi,
  esp,
  fs,
  GPR8,
  GPR16,
  GPR32,
  gs,
  type Label,
  type MemoryOperand,
  type MemorySpec,
  m8,
  m16,
  m32,
  m64,
  m128,
  type Operand,
  ss,
  XMM,
  xmm0,
  xmm1,
} from "../src/index.js";

const OBJDUMP = process.env.OBJDUMP ?? "objdump";

interface Case {
  emit(a: Assembler): void;
  /** objdump's text; a function when it depends on final addresses (label targets). */
  expect: string | ((a: Assembler) => string);
}

// ---- the expected-text formatter (objdump's Intel spelling) ----

const KEYWORD: Record<number, string> = { 8: "BYTE", 16: "WORD", 32: "DWORD", 64: "QWORD", 128: "XMMWORD" };

const hex = (value: number | bigint) => `0x${value.toString(16)}`;

function memText(m: MemoryOperand, sized = true): string {
  const prefix = sized ? `${KEYWORD[m.size]} PTR ` : "";
  if (!m.base && !m.index) return `${prefix}ds:${hex(m.disp >>> 0)}`;
  let body = m.base?.name ?? "";
  if (m.index) body += `${body ? "+" : ""}${m.index.name}*${m.scale}`;
  if (m.disp > 0) body += `+${hex(m.disp)}`;
  if (m.disp < 0) body += `-${hex(-m.disp)}`;
  return `${prefix}[${body}]`;
}

/** An operand as objdump prints it; immediates are shown as unsigned values of `width` bits. */
function text(op: Operand, width: number): string {
  if (typeof op === "number") return hex(BigInt.asUintN(width, BigInt(op)));
  if (op.kind === "mem") return memText(op);
  if (op.kind === "sym" || op.kind === "label") throw new Error("relocated operands are not objdump cases");
  return op.name;
}

const widthOf = (op: Operand): number =>
  typeof op === "number" ? 32 : op.kind === "mem" ? op.size : op.kind === "gpr" ? op.size : 32;

type Method = (...args: unknown[]) => void;
const call = (a: Assembler, method: string, args: unknown[]) =>
  (a as unknown as Record<string, Method>)[method].apply(a, args);

const cases: Case[] = [];

/** `method(...operands)` printed as `mnemonic op1,op2`; immediates take the first operand's width. */
function insn(method: string, operands: Operand[], mnemonic = method): void {
  const width = operands.length > 0 ? widthOf(operands[0]) : 32;
  const body = operands.map((op) => text(op, width)).join(",");
  cases.push({ emit: (a) => call(a, method, operands), expect: `${mnemonic} ${body}`.trim() });
}

function literal(expect: string, emit: (a: Assembler) => void): void {
  cases.push({ emit, expect });
}

// ---- operand tables ----

const notEsp = GPR32.filter((r) => r !== esp);
const SCALES = [1, 2, 4, 8] as const;

/** Every ModRM/SIB shape: absolute, each base with each displacement size, each index and scale. */
const SHAPES: MemorySpec[] = [
  { disp: 0x1000 },
  { disp: -16 },
  ...GPR32.flatMap((base) => [
    { base },
    { base, disp: 8 },
    { base, disp: -128 },
    { base, disp: 127 },
    { base, disp: 128 },
    { base, disp: -0x12345 },
  ]),
  ...notEsp.flatMap((index, i) => SCALES.map((scale, j) => ({ base: GPR32[(i + j) % 8], index, scale }))),
  ...SCALES.flatMap((scale, i) => [
    { index: notEsp[i], scale },
    { index: notEsp[i + 3], scale, disp: 0x40 },
  ]),
  { base: ebp, index: esi, scale: 2 },
  { base: esp, index: ebp, scale: 8, disp: 0x7f },
  { base: eax, index: ebx, scale: 4, disp: -0x80000000 },
  { base: edi, index: edi, scale: 1, disp: 0x7fffffff },
];

let shapeCursor = 0;
/** The next memory shape in rotation, so every family meets many shapes. */
function nextShape(): MemorySpec {
  return SHAPES[shapeCursor++ % SHAPES.length];
}

const mem = { 8: m8, 16: m16, 32: m32, 64: m64, 128: m128 } as const;
const pick = <T>(list: readonly T[], i: number): T => list[i % list.length];

// ---- integer instruction tables ----

const ALU = ["add", "or", "adc", "sbb", "and", "sub", "xor", "cmp"] as const;
for (const op of ALU) {
  for (const regs of [GPR32, GPR16, GPR8])
    regs.forEach((r, i) => {
      insn(op, [r, regs[(i + 3) % 8]]);
    });
  for (const [dst, imm] of [
    [eax, 5],
    [ecx, -1],
    [edx, 0x7f],
    [ebx, 0x80],
    [eax, 0x12345],
    [esi, 0xdeadbeef],
    [al, 0x12],
    [cl, 0xff],
    [ax, 0x1234],
    [dx, -2],
    [GPR16[6], 0x1234],
  ] as const) {
    insn(op, [dst, imm]);
  }
  GPR32.forEach((r, i) => {
    insn(op, [r, m32(nextShape())]);
    insn(op, [m32(nextShape()), r]);
    if (i < 2) {
      insn(op, [GPR8[i + 2], m8(nextShape())]);
      insn(op, [m8(nextShape()), GPR8[i + 4]]);
      insn(op, [m16(nextShape()), GPR16[i]]);
    }
  });
  insn(op, [m32(nextShape()), 3]);
  insn(op, [m32(nextShape()), 0x1000]);
  insn(op, [m16(nextShape()), -3]);
  insn(op, [m16(nextShape()), 0x1234]);
  insn(op, [m8(nextShape()), 0x80]);
}

// mov: every register pair position, every memory shape for load and store, all immediate forms.
for (const regs of [GPR32, GPR16, GPR8])
  regs.forEach((r, i) => {
    insn("mov", [r, regs[(i + 5) % 8]]);
  });
GPR32.forEach((r, i) => {
  insn("mov", [r, i * 0x11111111]);
});
GPR16.forEach((r, i) => {
  insn("mov", [r, 0x1234 + i]);
});
GPR8.forEach((r, i) => {
  insn("mov", [r, 0x80 + i]);
});
SHAPES.forEach((shape, i) => {
  insn("mov", [pick(GPR32, i), m32(shape)]);
  insn("mov", [m32(shape), pick(GPR32, i + 1)]);
  // lea prints its operand without a size keyword.
  const dst = pick(GPR32, i + 2);
  literal(`lea ${dst.name},${memText(m32(shape), false)}`, (a) => a.lea(dst, m32(shape)));
});
for (const size of [8, 16] as const) {
  insn("mov", [pick(size === 8 ? GPR8 : GPR16, size), mem[size](nextShape())]);
  insn("mov", [mem[size](nextShape()), pick(size === 8 ? GPR8 : GPR16, size + 1)]);
}
insn("mov", [m32(nextShape()), 0x12345678]);
insn("mov", [m16(nextShape()), 0xbeef]);
insn("mov", [m8(nextShape()), 0x7f]);

for (const op of ["movzx", "movsx"]) {
  GPR32.forEach((r, i) => {
    insn(op, [r, GPR8[(i + 1) % 8]]);
  });
  GPR32.forEach((r, i) => {
    insn(op, [r, GPR16[(i + 2) % 8]]);
  });
  GPR16.forEach((r, i) => {
    insn(op, [r, GPR8[(i + 3) % 8]]);
  });
  insn(op, [eax, m8(nextShape())]);
  insn(op, [edx, m16(nextShape())]);
  insn(op, [GPR16[5], m8(nextShape())]);
}

for (const regs of [GPR32, GPR16, GPR8])
  regs.forEach((r, i) => {
    insn("test", [r, regs[(i + 1) % 8]]);
  });
insn("test", [eax, 0x10000]);
insn("test", [al, 0x40]);
insn("test", [ax, 0x4000]);
insn("test", [ebx, 1]);
insn("test", [dl, 0x80]);
insn("test", [m32(nextShape()), 0x200]);
insn("test", [m8(nextShape()), 1]);
insn("test", [m32(nextShape()), ecx]);
literal("test DWORD PTR [esi+0x4],edx", (a) => a.test(edx, m32({ base: esi, disp: 4 })));

for (const op of ["inc", "dec", "not", "neg", "mul", "imul", "div", "idiv"]) {
  GPR32.forEach((r) => {
    insn(op, [r]);
  });
  insn(op, [GPR16[3]]);
  insn(op, [GPR8[5]]);
  insn(op, [m32(nextShape())]);
  insn(op, [m16(nextShape())]);
  insn(op, [m8(nextShape())]);
}
GPR32.forEach((r, i) => {
  insn("imul", [r, GPR32[(i + 1) % 8]]);
});
insn("imul", [GPR16[2], GPR16[7]]);
insn("imul", [ecx, m32(nextShape())]);
GPR32.forEach((r, i) => {
  insn("imul", [r, GPR32[(i + 6) % 8], i % 2 ? -5 : 0x1000]);
});
insn("imul", [esi, m32(nextShape()), 100]);
insn("imul", [GPR16[1], GPR16[2], 0x300]);
literal("imul eax,eax,0x7", (a) => a.imul(eax, 7));

for (const op of ["rol", "ror", "rcl", "rcr", "shl", "shr", "sar"]) {
  // A count of 1 has its own opcode, which objdump prints as a plain "1".
  literal(`${op} eax,1`, (a) => call(a, op, [eax, 1]));
  insn(op, [ecx, 5]);
  insn(op, [edi, cl]);
  insn(op, [GPR8[7], 3]);
  insn(op, [GPR16[6], cl]);
  insn(op, [m32(nextShape()), 31]);
  const byte = m8(nextShape());
  literal(`${op} ${memText(byte)},1`, (a) => call(a, op, [byte, 1]));
  insn(op, [m16(nextShape()), cl]);
}
for (const op of ["shld", "shrd"]) {
  GPR32.forEach((r, i) => {
    insn(op, [r, GPR32[(i + 1) % 8], i + 1]);
  });
  insn(op, [eax, edx, cl]);
  insn(op, [m32(nextShape()), ebx, 7]);
  insn(op, [GPR16[1], GPR16[2], cl]);
}

GPR32.forEach((r) => {
  insn("push", [r]);
});
GPR32.forEach((r) => {
  insn("pop", [r]);
});
insn("push", [GPR16[3]]);
insn("pop", [GPR16[4]]);
insn("push", [m32(nextShape())]);
insn("pop", [m32(nextShape())]);
insn("push", [5]);
insn("push", [-1]);
insn("push", [0x80]);
insn("push", [0xcafe0000]);
for (const seg of [es, ss, ds, fs, gs]) {
  insn("push", [seg]);
  insn("pop", [seg]);
}
literal("push cs", (a) => a.push({ kind: "seg", code: 1, name: "cs" }));

GPR32.slice(1).forEach((r) => {
  literal(`xchg ${r.name},eax`, (a) => a.xchg(eax, r));
});
GPR32.slice(1).forEach((r) => {
  literal(`xchg ${r.name},eax`, (a) => a.xchg(r, eax));
});
GPR32.slice(1).forEach((r, i) => {
  insn("xchg", [r, pick(GPR32.slice(1), i + 2)]);
});
insn("xchg", [GPR8[1], GPR8[6]]);
literal("xchg DWORD PTR [ecx],edx", (a) => a.xchg(edx, m32({ base: ecx })));
insn("xchg", [m16(nextShape()), GPR16[5]]);
for (const op of ["cmpxchg", "xadd"]) {
  GPR32.forEach((r, i) => {
    insn(op, [pick(GPR32, i + 1), r]);
  });
  insn(op, [m32(nextShape()), ecx]);
  insn(op, [m8(nextShape()), dl]);
}
for (const op of ["bt", "bts", "btr", "btc"]) {
  GPR32.forEach((r, i) => {
    insn(op, [r, pick(GPR32, i + 3)]);
  });
  insn(op, [m32(nextShape()), esi]);
  insn(op, [eax, 31]);
  insn(op, [m32(nextShape()), 7]);
  insn(op, [GPR16[1], 9]);
}
for (const op of ["bsf", "bsr", "popcnt"]) {
  GPR32.forEach((r, i) => {
    insn(op, [r, pick(GPR32, i + 5)]);
  });
  insn(op, [edx, m32(nextShape())]);
  insn(op, [GPR16[0], GPR16[3]]);
}
GPR32.forEach((r) => {
  insn("bswap", [r]);
});

CANONICAL_CONDITIONS.forEach((cc, i) => {
  literal(`set${cc} ${pick(GPR8, i).name}`, (a) => a.setcc(cc, pick(GPR8, i)));
  const shape = m8(nextShape());
  literal(`set${cc} ${memText(shape)}`, (a) => a.setcc(cc, shape));
  literal(`cmov${cc} ${pick(GPR32, i).name},${pick(GPR32, i + 1).name}`, (a) =>
    a.cmovcc(cc, pick(GPR32, i), pick(GPR32, i + 1)),
  );
  const src = m32(nextShape());
  literal(`cmov${cc} ${pick(GPR32, i + 2).name},${memText(src)}`, (a) =>
    a.cmovcc(cc, pick(GPR32, i + 2), src),
  );
});
literal("setb al", (a) => a.setcc("c", al));
literal("cmovne eax,ecx", (a) => a.cmovcc("nz", eax, ecx));
literal("cmovg ax,cx", (a) => a.cmovcc("nle", ax, GPR16[1]));

for (const [method, mnemonic] of [
  ["cdq", "cdq"],
  ["cwde", "cwde"],
  ["cbw", "cbw"],
  ["cwd", "cwd"],
] as const) {
  literal(mnemonic, (a) => a[method]());
}

// ---- control transfer (label targets are checked by address) ----

const origin: { label: Label | null } = { label: null };
const at = (a: Assembler, label: Label) => hex(a.offsetOf(label).offset);
cases.unshift({
  emit: (a) => {
    origin.label = a.label();
    a.nop();
  },
  expect: "nop",
});
CANONICAL_CONDITIONS.forEach((cc) => {
  cases.splice(1, 0, {
    emit: (a) => a.jcc(cc, origin.label!),
    expect: (a) => `j${cc} ${at(a, origin.label!)}`,
  });
  cases.push({ emit: (a) => a.jcc(cc, origin.label!), expect: (a) => `j${cc} ${at(a, origin.label!)}` });
});
cases.splice(1, 0, { emit: (a) => a.jmp(origin.label!), expect: (a) => `jmp ${at(a, origin.label!)}` });
cases.push({ emit: (a) => a.jmp(origin.label!), expect: (a) => `jmp ${at(a, origin.label!)}` });
cases.push({ emit: (a) => a.call(origin.label!), expect: (a) => `call ${at(a, origin.label!)}` });
GPR32.forEach((r) => {
  insn("call", [r]);
  insn("jmp", [r]);
});
for (let i = 0; i < 6; i++) {
  insn("call", [m32(nextShape())]);
  insn("jmp", [m32(nextShape())]);
}
literal("ret", (a) => a.ret());
literal("ret 0x8", (a) => a.ret(8));
literal("ret 0xfffc", (a) => a.ret(0xfffc));
literal("jmp 0x8:0x1234", (a) => a.jmpFar(0x08, 0x1234));
literal("jmp 0x10:0xc0000000", (a) => a.jmpFar(0x10, 0xc0000000));

// ---- string instructions with every prefix ----

const STRINGS: Record<string, (kw: string, acc: string) => string> = {
  movs: (kw) => `${kw} PTR es:[edi],${kw} PTR ds:[esi]`,
  cmps: (kw) => `${kw} PTR ds:[esi],${kw} PTR es:[edi]`,
  stos: (kw, acc) => `${kw} PTR es:[edi],${acc}`,
  lods: (kw, acc) => `${acc},${kw} PTR ds:[esi]`,
  scas: (kw, acc) => `${acc},${kw} PTR es:[edi]`,
  ins: (kw) => `${kw} PTR es:[edi],dx`,
  outs: (kw) => `dx,${kw} PTR ds:[esi]`,
};
for (const [op, operands] of Object.entries(STRINGS)) {
  for (const [suffix, kw, acc] of [
    ["b", "BYTE", "al"],
    ["w", "WORD", "ax"],
    ["d", "DWORD", "eax"],
  ]) {
    // rep and repe are the same byte; objdump calls it repz on the comparing instructions.
    const compares = op === "cmps" || op === "scas";
    const prefixes: [string, (a: Assembler) => Assembler][] = [
      ["", (a) => a],
      [compares ? "repz " : "rep ", (a) => a.rep()],
    ];
    if (compares) prefixes.push(["repz ", (a) => a.repe()], ["repnz ", (a) => a.repne()]);
    for (const [printed, prefix] of prefixes) {
      literal(`${printed}${op} ${operands(kw, acc)}`, (a) => call(prefix(a), `${op}${suffix}`, []));
    }
  }
}
literal("lock add DWORD PTR [eax],ecx", (a) => a.lock().add(m32({ base: eax }), ecx));

// ---- system instructions ----

const FIXED: [string, string][] = [
  ["nop", "nop"],
  ["leave", "leave"],
  ["pushfd", "pushf"],
  ["popfd", "popf"],
  ["pushad", "pusha"],
  ["popad", "popa"],
  ["cld", "cld"],
  ["std", "std"],
  ["clc", "clc"],
  ["stc", "stc"],
  ["cmc", "cmc"],
  ["cli", "cli"],
  ["sti", "sti"],
  ["hlt", "hlt"],
  ["iretd", "iret"],
  ["iret", "iret"],
  ["int3", "int3"],
  ["sysenter", "sysenter"],
  ["sysexit", "sysexit"],
  ["rdtsc", "rdtsc"],
  ["cpuid", "cpuid"],
  ["wrmsr", "wrmsr"],
  ["rdmsr", "rdmsr"],
  ["pause", "pause"],
  ["ud2", "ud2"],
  ["clts", "clts"],
  ["wbinvd", "wbinvd"],
  ["mfence", "mfence"],
];
for (const [method, mnemonic] of FIXED) literal(mnemonic, (a) => call(a, method, []));
literal("int 0x80", (a) => a.int(0x80));
literal("int 0x0", (a) => a.int(0));
for (const op of ["lgdt", "lidt", "sgdt", "sidt"]) {
  for (let i = 0; i < 4; i++) {
    const operand = m32(nextShape());
    literal(`${op}d ${memText(operand, false)}`, (a) => call(a, op, [operand]));
  }
}
for (let i = 0; i < 4; i++) {
  const operand = m8(nextShape());
  literal(`invlpg ${memText(operand)}`, (a) => a.invlpg(operand));
}
for (const op of ["ltr", "lldt"]) {
  GPR16.forEach((r) => {
    insn(op, [r]);
  });
  insn(op, [m16(nextShape())]);
}
[cr0, cr2, cr3, cr4].forEach((cr, i) => {
  GPR32.forEach((r, j) => {
    if ((i + j) % 2 === 0) insn("mov", [cr, r]);
    else insn("mov", [r, cr]);
  });
});
for (const seg of [es, ss, ds, fs, gs]) {
  insn("mov", [seg, ebx]);
  insn("mov", [eax, seg]);
  insn("mov", [GPR16[6], seg]);
  insn("mov", [seg, m16(nextShape())]);
  insn("mov", [m16(nextShape()), seg]);
}
literal("mov ds,eax", (a) => a.mov(ds, ax));
for (const acc of [al, ax, eax]) {
  insn("in", [acc, 0x60]);
  insn("in", [acc, dx]);
  insn("out", [0x80, acc]);
  insn("out", [dx, acc]);
}

// ---- SSE ----

const SSE_BINARY: [string, number][] = [
  ["addss", 32],
  ["addsd", 64],
  ["subss", 32],
  ["subsd", 64],
  ["mulss", 32],
  ["mulsd", 64],
  ["divss", 32],
  ["divsd", 64],
  ["sqrtss", 32],
  ["sqrtsd", 64],
  ["minss", 32],
  ["minsd", 64],
  ["maxss", 32],
  ["maxsd", 64],
  ["comiss", 32],
  ["comisd", 64],
  ["ucomiss", 32],
  ["ucomisd", 64],
  ["cvtss2sd", 32],
  ["cvtsd2ss", 64],
  ["andps", 128],
  ["andpd", 128],
  ["andnps", 128],
  ["andnpd", 128],
  ["orps", 128],
  ["orpd", 128],
  ["xorps", 128],
  ["xorpd", 128],
  ["pand", 128],
  ["pandn", 128],
  ["por", 128],
  ["pxor", 128],
  ["unpcklps", 128],
  ["unpcklpd", 128],
  ["psrlq", 128],
  ["psllq", 128],
];
for (const [op, size] of SSE_BINARY) {
  XMM.forEach((x, i) => {
    insn(op, [x, pick(XMM, i + 3)]);
  });
  insn(op, [pick(XMM, size), mem[size as 32](nextShape())]);
  insn(op, [pick(XMM, size + 1), mem[size as 32](nextShape())]);
}
for (const [op, size] of [
  ["movss", 32],
  ["movsd", 64],
  ["movaps", 128],
  ["movapd", 128],
  ["movups", 128],
  ["movupd", 128],
  ["movdqa", 128],
  ["movdqu", 128],
] as const) {
  XMM.forEach((x, i) => {
    insn(op, [x, pick(XMM, i + 1)]);
  });
  insn(op, [xmm0, mem[size](nextShape())]);
  insn(op, [pick(XMM, size), mem[size](nextShape())]);
  insn(op, [mem[size](nextShape()), pick(XMM, 7 - (size % 8))]);
}
XMM.forEach((x, i) => {
  insn("movd", [x, pick(GPR32, i + 1)]);
  insn("movd", [pick(GPR32, i + 2), x]);
  insn("movq", [x, pick(XMM, i + 2)]);
  insn("cvtsi2ss", [x, pick(GPR32, i)]);
  insn("cvtsi2sd", [x, pick(GPR32, i + 4)]);
  for (const op of ["cvttss2si", "cvttsd2si", "cvtss2si", "cvtsd2si", "movmskps", "movmskpd"]) {
    insn(op, [pick(GPR32, i + 3), x]);
  }
});
insn("movd", [xmm1, m32(nextShape())]);
insn("movd", [m32(nextShape()), xmm1]);
insn("movq", [xmm0, m64(nextShape())]);
insn("movq", [m64(nextShape()), XMM[6]]);
insn("cvtsi2ss", [xmm0, m32(nextShape())]);
insn("cvtsi2sd", [XMM[3], m32(nextShape())]);
insn("cvttss2si", [eax, m32(nextShape())]);
insn("cvttsd2si", [ecx, m64(nextShape())]);
insn("cvtss2si", [edx, m32(nextShape())]);
insn("cvtsd2si", [ebx, m64(nextShape())]);
["eq", "lt", "le", "unord", "neq", "nlt", "nle", "ord"].forEach((predicate, i) => {
  literal(`cmp${predicate}ss ${pick(XMM, i).name},${pick(XMM, i + 1).name}`, (a) =>
    a.cmpss(pick(XMM, i), pick(XMM, i + 1), i),
  );
  const src = m64(nextShape());
  literal(`cmp${predicate}sd ${pick(XMM, i + 2).name},${memText(src)}`, (a) =>
    a.cmpsd(pick(XMM, i + 2), src, i),
  );
});
for (const op of ["roundss", "roundsd"]) {
  XMM.forEach((x, i) => {
    insn(op, [x, pick(XMM, i + 5), i]);
  });
  insn(op, [xmm0, (op === "roundss" ? m32 : m64)(nextShape()), 9]);
}
for (const op of ["psrlq", "psllq", "psrld", "pslld", "psrldq", "pslldq"]) {
  XMM.forEach((x, i) => {
    insn(op, [x, i * 4 + 1]);
  });
}
insn("ldmxcsr", [m32(nextShape())]);
insn("stmxcsr", [m32(nextShape())]);

// ---- the check ----

/** objdump output normalized: one space after the mnemonic, "+0x0]" displacements dropped. */
function disassemble(bytes: Uint8Array): Map<number, string> {
  const dir = mkdtempSync(join(tmpdir(), "sawmill-x86-"));
  try {
    const file = join(dir, "text.bin");
    writeFileSync(file, bytes);
    const output = execFileSync(OBJDUMP, ["-D", "-z", "-b", "binary", "-m", "i386", "-M", "intel", file], {
      encoding: "utf8",
      maxBuffer: 64 << 20,
    });
    const lines = new Map<number, string>();
    for (const line of output.split("\n")) {
      const match = /^\s*([0-9a-f]+):\t[0-9a-f ]+\t(.+)$/.exec(line);
      if (match) lines.set(Number.parseInt(match[1], 16), normalize(match[2]));
    }
    return lines;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const normalize = (s: string) =>
  s
    .trim()
    .replace(/\s+/g, " ")
    .replace(/\+0x0\]/g, "]");

describe("encodings agree with GNU objdump", () => {
  it(`decodes all ${cases.length} cases as written`, () => {
    try {
      execFileSync(OBJDUMP, ["--version"]);
    } catch {
      throw new Error(`GNU objdump ("${OBJDUMP}") is required for this test: install binutils`);
    }
    const a = new Assembler();
    const starts = cases.map((c) => {
      const start = a.label();
      c.emit(a);
      return start;
    });
    const bytes = a.finish().sections.text.bytes;
    const decoded = disassemble(bytes);
    const failures: string[] = [];
    cases.forEach((c, i) => {
      const address = a.offsetOf(starts[i]).offset;
      const expected = normalize(typeof c.expect === "string" ? c.expect : c.expect(a));
      const actual = decoded.get(address) ?? "(no instruction starts here)";
      if (actual !== expected)
        failures.push(`${hex(address)}: expected "${expected}", objdump says "${actual}"`);
    });
    // Each case is exactly one instruction: objdump finds no instruction starts between cases.
    const caseStarts = new Set(starts.map((l) => a.offsetOf(l).offset));
    for (const address of decoded.keys()) {
      if (!caseStarts.has(address))
        failures.push(`${hex(address)}: extra instruction "${decoded.get(address)}"`);
    }
    expect(failures).toEqual([]);
    expect(cases.length).toBeGreaterThan(1000);
  });
});
