/**
 * The intrinsic import module "x86": privileged instructions reached from AssemblyScript.
 *
 * Layer: per-opcode lowering (of `call` to an import from module "x86"). Each intrinsic
 * becomes inline instructions, never a call. The declarations guests import are in
 * `assembly/x86.ts`. Address conventions: `ins*`/`outs*` buffers and the `lgdt`/`lidt`
 * descriptor are wasm addresses (memoryBase is added here); `invlpg` and the control
 * registers take raw (virtual/physical) addresses.
 */

import {
  al,
  ax,
  cr0,
  cr2,
  cr3,
  cr4,
  dx,
  eax,
  ecx,
  edi,
  edx,
  esi,
  type Gpr,
  type MemoryOperand,
  m8,
} from "@sawmill/x86";
import type { FunctionCompiler, Lowering } from "../codegen/function-compiler.js";
import type { Entry } from "../codegen/value-stack.js";
import type { Instr } from "../decoder/instructions.js";
import { moveToGpr, relocate } from "./moves.js";
import { anyReg, freeOperands, is16, isConst, source32 } from "./values.js";

type Width = 8 | 16 | 32;

const accumulator = (width: Width): Gpr => (width === 8 ? al : width === 16 ? ax : eax);

/** The port operand: an imm8 for constant ports below 256, else dx (claimed). */
function portOperand(fc: FunctionCompiler, port: Entry): number | Gpr {
  if (isConst(port) && port.loc.n >= 0 && port.loc.n < 256) return port.loc.n;
  moveToGpr(fc, port, edx);
  return dx;
}

function portIn(width: Width): Lowering {
  return (fc) => {
    const p = portOperand(fc, fc.s.pop());
    fc.s.evict(eax);
    fc.s.claim(eax);
    fc.a.in(accumulator(width), p);
    if (width !== 32) fc.a.movzx(eax, accumulator(width));
    if (p === dx) fc.s.free(edx);
    fc.s.push("i32", { kind: "reg", reg: eax });
    return 0;
  };
}

function portOut(width: Width): Lowering {
  return (fc) => {
    const value = relocate(fc, fc.s.pop(), [edx]);
    const port = relocate(fc, fc.s.pop(), [eax]);
    moveToGpr(fc, value, eax);
    const p = portOperand(fc, port);
    fc.a.out(p, accumulator(width));
    fc.s.free(eax);
    if (p === dx) fc.s.free(edx);
    return 0;
  };
}

/**
 * rep ins / rep outs (port, wasm address, count). The three operands travel through the machine
 * stack so they can come from any register, including the esi/edi the string op needs.
 */
function stringPort(kind: "ins" | "outs", width: Width): Lowering {
  return (fc) => {
    const count = fc.s.pop();
    const address = fc.s.pop();
    const port = fc.s.pop();
    fc.s.spillCallerSaved();
    const pointer = kind === "ins" ? edi : esi;
    fc.a.push(pointer);
    fc.frame.pushed += 4;
    for (const arg of [count, address, port]) {
      const src = source32(fc, arg);
      fc.a.push(src);
      fc.frame.pushed += 4;
      fc.s.release(arg);
      freeOperands(fc, src);
    }
    fc.a.pop(edx);
    fc.a.pop(pointer);
    fc.a.pop(ecx);
    fc.frame.pushed -= 12;
    fc.a.add(pointer, fc.ctx.memoryBase | 0);
    const op = `${kind}${width === 8 ? "b" : width === 16 ? "w" : "d"}` as const;
    fc.a.rep()[op]();
    fc.a.pop(pointer);
    fc.frame.pushed -= 4;
    return 0;
  };
}

function fixed(emit: (fc: FunctionCompiler) => void): Lowering {
  return (fc) => {
    emit(fc);
    return 0;
  };
}

function readControl(register: typeof cr0): Lowering {
  return (fc) => {
    const reg = fc.s.allocGpr();
    fc.a.mov(reg, register);
    fc.s.push("i32", { kind: "reg", reg });
    return 0;
  };
}

function writeControl(register: typeof cr0): Lowering {
  return (fc) => {
    const value = fc.s.pop();
    const reg = anyReg(fc, value);
    fc.a.mov(register, reg);
    fc.s.release(value);
    freeOperands(fc, reg);
    return 0;
  };
}

/** An operation on the memory at a (raw or wasm) address popped from the stack. */
function atAddress(wasm: boolean, emit: (fc: FunctionCompiler, mem: MemoryOperand) => void): Lowering {
  return (fc) => {
    const value = fc.s.pop();
    const base = wasm ? fc.ctx.memoryBase | 0 : 0;
    if (isConst(value)) {
      emit(fc, m8({ disp: (value.loc.n + base) | 0 }));
    } else {
      const reg = anyReg(fc, value);
      emit(fc, m8({ base: reg, disp: base }));
      fc.s.release(value);
      freeOperands(fc, reg);
    }
    return 0;
  };
}

const ltr: Lowering = (fc) => {
  const value = fc.s.pop();
  const reg = anyReg(fc, value);
  fc.a.ltr(is16(reg));
  fc.s.release(value);
  freeOperands(fc, reg);
  return 0;
};

const rdtsc: Lowering = (fc) => {
  fc.s.evict(eax);
  fc.s.evict(edx);
  fc.a.rdtsc();
  fc.s.push("i64", { kind: "pair", lo: fc.s.claim(eax), hi: fc.s.claim(edx) });
  return 0;
};

const INTRINSICS: Record<string, Lowering> = {
  inb: portIn(8),
  inw: portIn(16),
  inl: portIn(32),
  outb: portOut(8),
  outw: portOut(16),
  outl: portOut(32),
  insb: stringPort("ins", 8),
  insw: stringPort("ins", 16),
  insl: stringPort("ins", 32),
  outsb: stringPort("outs", 8),
  outsw: stringPort("outs", 16),
  outsl: stringPort("outs", 32),
  cli: fixed((fc) => fc.a.cli()),
  sti: fixed((fc) => fc.a.sti()),
  hlt: fixed((fc) => fc.a.hlt()),
  pause: fixed((fc) => fc.a.pause()),
  read_cr0: readControl(cr0),
  read_cr2: readControl(cr2),
  read_cr3: readControl(cr3),
  read_cr4: readControl(cr4),
  write_cr0: writeControl(cr0),
  write_cr3: writeControl(cr3),
  write_cr4: writeControl(cr4),
  invlpg: atAddress(false, (fc, mem) => fc.a.invlpg(mem)),
  lgdt: atAddress(true, (fc, mem) => fc.a.lgdt(mem)),
  lidt: atAddress(true, (fc, mem) => fc.a.lidt(mem)),
  ltr,
  rdtsc,
};

/** The names the "x86" module provides (documented in the README and assembly/x86.ts). */
export const INTRINSIC_NAMES: readonly string[] = Object.keys(INTRINSICS);

export function lowerIntrinsic(fc: FunctionCompiler, instr: Instr, name: string): number {
  const lowering = INTRINSICS[name];
  if (!lowering)
    throw fc.error(instr, `unknown intrinsic x86.${name} (known: ${INTRINSIC_NAMES.join(", ")})`);
  return lowering(fc, instr) ?? 0;
}
