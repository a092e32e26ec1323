/**
 * The driver loop: runs the host-generated call table, reports each outcome, recovers from traps.
 *
 * Layer: bare-runtime, guest code. Call table entry (dwords, see call-table.ts):
 *   [function address, result kind, marker, argument dword count n, argument dwords × n]
 * ended by a zero function address. For each entry the driver resets ESP to the stack top, copies
 * the argument dwords to the stack (cdecl: first argument at the lowest address), optionally writes
 * the marker, calls, optionally writes marker + 1, and writes TAG_RETURN and the result to the value
 * port (i32 eax; i64 eax then edx; f32/f64 the raw bits of xmm0). Then the exit port ends the run.
 *
 * `__wasm_trap` (eax = kind; also reached from CPU exception stubs and env.abort) writes TAG_TRAP
 * and the kind, prints the trap on serial and continues with the next entry: because every call
 * starts from the stack top, resetting ESP is the whole longjmp.
 */

import {
  type Assembler,
  al,
  dx,
  eax,
  ebx,
  ecx,
  edi,
  edx,
  esi,
  esp,
  type Label,
  m32,
  m64,
  sym,
  xmm0,
} from "@sawmill/x86";
import { DEBUG_EXIT_PORT, DEBUG_MARKER_PORT, DEBUG_VALUE_PORT } from "../machine.js";
import { TAG_RETURN, TAG_TRAP } from "../protocol.js";
import {
  CALL_TABLE,
  DRIVER_NEXT,
  SERIAL_HEX,
  SERIAL_PUTC,
  SERIAL_PUTS,
  STACK_TOP,
  WASM_TRAP,
} from "./symbols.js";

/** Result kinds in a call table entry. */
export const ResultKind = { none: 0, i32: 1, i64: 2, f32: 3, f64: 4 } as const;
export const ENTRY_HEADER_DWORDS = 4;

const CURRENT = "__bare_current_entry";
const FUNCTION = "__bare_current_function";
const KIND = "__bare_current_kind";
const MARKER = "__bare_current_marker";
const TRAP_TEXT = "__bare_trap_text";

export function emitDriver(a: Assembler): void {
  emitDriverState(a);
  a.section("text");
  a.global(DRIVER_NEXT);
  emitLoadEntry(a);
  emitCall(a);
  emitReportReturn(a);
  emitTrap(a);
}

function emitDriverState(a: Assembler): void {
  a.section("data");
  a.align(4);
  a.local(CURRENT);
  a.dd(sym(CALL_TABLE));
  for (const name of [FUNCTION, KIND, MARKER]) {
    a.local(name);
    a.dd(0);
  }
  a.section("rodata");
  a.local(TRAP_TEXT);
  a.bytes(new TextEncoder().encode("bare-runtime: trap 0x\0"));
}

/** Reads the entry into the driver's variables, advances the cursor, or exits at the end. */
function emitLoadEntry(a: Assembler): void {
  const more = a.newLabel();
  a.mov(esi, m32({ symbol: CURRENT }));
  a.mov(eax, m32({ base: esi }));
  a.test(eax, eax);
  a.jcc("nz", more);
  a.mov(edx, DEBUG_EXIT_PORT);
  a.mov(eax, 0);
  a.out(dx, eax);
  const halt = a.newLabel();
  a.bind(halt);
  a.cli();
  a.hlt();
  a.jmp(halt);
  a.bind(more);
  a.mov(m32({ symbol: FUNCTION }), eax);
  a.mov(eax, m32({ base: esi, disp: 4 }));
  a.mov(m32({ symbol: KIND }), eax);
  a.mov(eax, m32({ base: esi, disp: 8 }));
  a.mov(m32({ symbol: MARKER }), eax);
  a.mov(ecx, m32({ base: esi, disp: 12 }));
  a.lea(edx, m32({ base: esi, index: ecx, scale: 4, disp: ENTRY_HEADER_DWORDS * 4 }));
  a.mov(m32({ symbol: CURRENT }), edx);
}

/**
 * Copies the arguments below the stack top (ecx dwords from esi + 16) and calls. A marked call
 * keeps its end marker in ebx, which the callee preserves, so between the two marker `out`s run
 * only the call, the callee and four instructions (xchg, mov, mov, out).
 */
function emitCall(a: Assembler): void {
  a.mov(esp, sym(STACK_TOP));
  a.shl(ecx, 2);
  a.sub(esp, ecx);
  a.add(esi, ENTRY_HEADER_DWORDS * 4);
  a.mov(edi, esp);
  a.rep().movsb();
  const plain = a.newLabel();
  const report = a.newLabel();
  a.mov(ebx, m32({ symbol: MARKER }));
  a.test(ebx, ebx);
  a.jcc("z", plain);
  a.mov(edx, DEBUG_MARKER_PORT);
  a.mov(eax, ebx);
  a.inc(ebx);
  a.out(dx, eax);
  a.call(m32({ symbol: FUNCTION }));
  a.xchg(eax, ebx);
  a.mov(esi, edx);
  a.mov(edx, DEBUG_MARKER_PORT);
  a.out(dx, eax);
  a.mov(eax, ebx);
  a.mov(edx, esi);
  a.jmp(report);
  a.bind(plain);
  a.call(m32({ symbol: FUNCTION }));
  a.bind(report);
}

/** Writes TAG_RETURN and the result (eax, edx:eax or xmm0 bits) to the value port. */
function emitReportReturn(a: Assembler): void {
  a.mov(ebx, eax);
  a.mov(esi, edx);
  a.sub(esp, 8);
  a.movsd(m64({ base: esp }), xmm0);
  a.mov(edx, DEBUG_VALUE_PORT);
  a.mov(eax, TAG_RETURN);
  a.out(dx, eax);
  a.mov(ecx, m32({ symbol: KIND }));
  const next = a.newLabel();
  const cases: [number, Label][] = [
    [ResultKind.i32, a.newLabel()],
    [ResultKind.i64, a.newLabel()],
    [ResultKind.f32, a.newLabel()],
    [ResultKind.f64, a.newLabel()],
  ];
  for (const [kind, label] of cases) {
    a.cmp(ecx, kind);
    a.jcc("e", label);
  }
  a.jmp(next);
  const [i32, i64, f32, f64] = cases.map(([, label]) => label);
  a.bind(i64!);
  a.mov(eax, ebx);
  a.out(dx, eax);
  a.mov(eax, esi);
  a.out(dx, eax);
  a.jmp(next);
  a.bind(i32!);
  a.mov(eax, ebx);
  a.out(dx, eax);
  a.jmp(next);
  a.bind(f64!);
  a.mov(eax, m32({ base: esp }));
  a.out(dx, eax);
  a.mov(eax, m32({ base: esp, disp: 4 }));
  a.out(dx, eax);
  a.jmp(next);
  a.bind(f32!);
  a.mov(eax, m32({ base: esp }));
  a.out(dx, eax);
  a.bind(next);
  a.jmp(DRIVER_NEXT);
}

function emitTrap(a: Assembler): void {
  a.global(WASM_TRAP);
  a.mov(esp, sym(STACK_TOP));
  a.cld();
  a.mov(ebx, eax);
  a.mov(edx, DEBUG_VALUE_PORT);
  a.mov(eax, TAG_TRAP);
  a.out(dx, eax);
  a.mov(eax, ebx);
  a.out(dx, eax);
  a.mov(esi, sym(TRAP_TEXT));
  a.call(SERIAL_PUTS);
  a.mov(eax, ebx);
  a.call(SERIAL_HEX);
  a.mov(al, 10);
  a.call(SERIAL_PUTC);
  a.jmp(DRIVER_NEXT);
}
