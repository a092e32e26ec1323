/**
 * Out-of-line routines a module's code calls: bulk memory, 64-bit division and (in
 * `float-helpers.ts`) the float <-> 64-bit integer conversions.
 *
 * Layer: codegen, module level. Emitted once per object (as local labels, only when used)
 * after the functions. They use cdecl like everything else, so call sites reuse
 * `callRoutine`. Each routine documents its arguments and result.
 */

import { type Assembler, eax, ebp, ebx, ecx, edi, edx, esi, esp, type Label, m32 } from "@sawmill/x86";
import { TrapKind } from "../types.js";
import { emitFloatHelper, type FloatHelperName, isFloatHelper } from "./float-helpers.js";

export type HelperName =
  | "memoryCopy"
  | "memoryFill"
  | "i64DivS"
  | "i64DivU"
  | "i64RemS"
  | "i64RemU"
  | FloatHelperName;

export interface HelperEnvironment {
  readonly a: Assembler;
  readonly memoryBase: number;
  trap(kind: number): Label;
}

/** memoryCopy(dst, src, n): overlap-safe; copies backwards (std … cld) when dst > src. */
function memoryCopy(env: HelperEnvironment): void {
  const { a } = env;
  const forward = a.newLabel();
  const done = a.newLabel();
  a.push(esi);
  a.push(edi);
  a.mov(edi, m32({ base: esp, disp: 12 }));
  a.mov(esi, m32({ base: esp, disp: 16 }));
  a.mov(ecx, m32({ base: esp, disp: 20 }));
  a.add(edi, env.memoryBase | 0);
  a.add(esi, env.memoryBase | 0);
  a.cmp(edi, esi);
  a.jcc("be", forward);
  a.lea(esi, m32({ base: esi, index: ecx, disp: -1 }));
  a.lea(edi, m32({ base: edi, index: ecx, disp: -1 }));
  a.std();
  a.rep().movsb();
  a.cld();
  a.jmp(done);
  a.bind(forward);
  a.rep().movsb();
  a.bind(done);
  a.pop(edi);
  a.pop(esi);
  a.ret();
}

/** memoryFill(dst, value, n): rep stosb with the value's low byte. */
function memoryFill(env: HelperEnvironment): void {
  const { a } = env;
  a.push(edi);
  a.mov(edi, m32({ base: esp, disp: 8 }));
  a.mov(eax, m32({ base: esp, disp: 12 }));
  a.mov(ecx, m32({ base: esp, disp: 16 }));
  a.add(edi, env.memoryBase | 0);
  a.rep().stosb();
  a.pop(edi);
  a.ret();
}

/**
 * The unsigned 64-bit division core, called with the dividend in edx:eax and the divisor in
 * ebx:ecx (nonzero); returns the quotient in edx:eax and the remainder in ebx:ecx. Divisors
 * below 2^32 take two `div`s; larger ones a 64-step shift-subtract loop (esi, edi clobbered).
 */
function udivmod(env: HelperEnvironment, core: Label): void {
  const { a } = env;
  const wide = a.newLabel();
  const loop = a.newLabel();
  const skip = a.newLabel();
  a.bind(core);
  a.test(ebx, ebx);
  a.jcc("ne", wide);
  // divisor < 2^32: q_hi = hi / d, then (r:lo) / d
  a.mov(esi, eax);
  a.mov(eax, edx);
  a.mov(edx, 0);
  a.div(ecx);
  a.mov(edi, eax);
  a.mov(eax, esi);
  a.div(ecx);
  a.mov(ecx, edx);
  a.mov(edx, edi);
  a.ret();
  // divisor >= 2^32: restoring division, remainder in edi:esi, 64 iterations
  a.bind(wide);
  a.push(ebp);
  a.mov(esi, 0);
  a.mov(edi, 0);
  a.mov(ebp, 64);
  a.bind(loop);
  a.shl(eax, 1);
  a.rcl(edx, 1);
  a.rcl(esi, 1);
  a.rcl(edi, 1);
  const subtract = a.newLabel();
  a.jcc("c", subtract); // the remainder outgrew 64 bits: certainly >= divisor
  a.cmp(edi, ebx);
  a.jcc("b", skip);
  a.jcc("a", subtract);
  a.cmp(esi, ecx);
  a.jcc("b", skip);
  a.bind(subtract);
  a.sub(esi, ecx);
  a.sbb(edi, ebx);
  a.inc(eax);
  a.bind(skip);
  a.dec(ebp);
  a.jcc("ne", loop);
  a.mov(ecx, esi);
  a.mov(ebx, edi);
  a.pop(ebp);
  a.ret();
}

/**
 * i64 division entry points, cdecl (a: i64, b: i64) → edx:eax. Signed forms divide the
 * magnitudes and fix the signs; INT64_MIN / -1 traps (IntegerOverflow), rem_s by -1 gives 0
 * naturally because the magnitudes divide exactly. Division by zero traps.
 */
function i64Division(env: HelperEnvironment, core: Label, signed: boolean, remainder: boolean): void {
  const { a } = env;
  a.push(ebx);
  a.push(esi);
  a.push(edi);
  a.mov(eax, m32({ base: esp, disp: 16 }));
  a.mov(edx, m32({ base: esp, disp: 20 }));
  a.mov(ecx, m32({ base: esp, disp: 24 }));
  a.mov(ebx, m32({ base: esp, disp: 28 }));
  a.mov(esi, ecx);
  a.or(esi, ebx);
  a.jcc("e", env.trap(TrapKind.DivideByZero));
  if (signed) {
    signedDivision(env, core, remainder);
  } else {
    a.call(core);
    if (remainder) {
      a.mov(eax, ecx);
      a.mov(edx, ebx);
    }
  }
  a.pop(edi);
  a.pop(esi);
  a.pop(ebx);
  a.ret();
}

function signedDivision(env: HelperEnvironment, core: Label, remainder: boolean): void {
  const { a } = env;
  const notOverflow = a.newLabel();
  if (!remainder) {
    // INT64_MIN / -1 overflows
    a.mov(esi, ecx);
    a.and(esi, ebx);
    a.cmp(esi, -1);
    a.jcc("ne", notOverflow);
    a.cmp(edx, 0x80000000 | 0);
    a.jcc("ne", notOverflow);
    a.test(eax, eax);
    a.jcc("e", env.trap(TrapKind.IntegerOverflow));
    a.bind(notOverflow);
  }
  // sign of the result: quotient = sign(a) ^ sign(b); remainder = sign(a)
  a.mov(edi, edx);
  if (!remainder) a.xor(edi, ebx);
  a.push(edi);
  negateIfNegative(env, edx, eax);
  negateIfNegative(env, ebx, ecx);
  a.call(core);
  if (remainder) {
    a.mov(eax, ecx);
    a.mov(edx, ebx);
  }
  a.pop(edi);
  const positive = a.newLabel();
  a.test(edi, edi);
  a.jcc("ns", positive);
  a.neg(eax);
  a.adc(edx, 0);
  a.neg(edx);
  a.bind(positive);
}

function negateIfNegative(env: HelperEnvironment, hi: typeof edx, lo: typeof eax): void {
  const { a } = env;
  const positive = a.newLabel();
  a.test(hi, hi);
  a.jcc("ns", positive);
  a.neg(lo);
  a.adc(hi, 0);
  a.neg(hi);
  a.bind(positive);
}

/** Emits the requested helpers at the current text position, binding their labels. */
export function emitHelpers(env: HelperEnvironment, wanted: ReadonlyMap<HelperName, Label>): void {
  const core = env.a.newLabel();
  let needsCore = false;
  for (const [name, label] of wanted) {
    env.a.bind(label);
    if (name === "memoryCopy") memoryCopy(env);
    else if (name === "memoryFill") memoryFill(env);
    else if (isFloatHelper(name)) emitFloatHelper(env, name);
    else {
      needsCore = true;
      i64Division(
        env,
        core,
        name === "i64DivS" || name === "i64RemS",
        name === "i64RemS" || name === "i64RemU",
      );
    }
  }
  if (needsCore) udivmod(env, core);
}
