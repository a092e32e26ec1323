/**
 * What compiled modules call in the runtime: memory size/grow and the host imports.
 *
 * Layer: bare-runtime, guest code, cdecl (see @sawmill/wasm-x86's ABI).
 *   __wasm_memory_size() → pages
 *   __wasm_memory_grow(delta) → old pages, or -1 when pages + delta (unsigned) exceeds the limit;
 *       the limit is min(module maximum, runtime cap). Grown pages are fresh RAM, hence zero:
 *       memory never shrinks and nothing else lives above the memory base.
 *   env.abort(msg, file, line, col) — AssemblyScript's abort: prints the message (low bytes of
 *       its UTF-16 code units, at most 200) and the line on serial, then traps with kind 100.
 *   test.emit(i32), test.emit_i64(i64) — write TAG_EMIT_* and the value to the value port.
 */

import { type Assembler, al, dx, eax, ebx, ecx, edx, esi, esp, m8, m32, sym } from "@sawmill/x86";
import { DEBUG_VALUE_PORT } from "../machine.js";
import { TAG_EMIT_I32, TAG_EMIT_I64 } from "../protocol.js";
import { TrapKind } from "../trap-kinds.js";
import {
  HOST_IMPORTS,
  importSymbol,
  SERIAL_HEX,
  SERIAL_PUTC,
  SERIAL_PUTS,
  WASM_MEMORY_GROW,
  WASM_MEMORY_SIZE,
  WASM_TRAP,
} from "./symbols.js";

export interface MemoryLayout {
  readonly memoryBase: number;
  readonly initialPages: number;
  /** Pages memory.grow may reach: min(module maximum, runtime cap). */
  readonly limitPages: number;
}

const PAGES = "__bare_memory_pages";
const LIMIT = "__bare_memory_limit";
const ABORT_TEXT = "__bare_abort_text";
const LINE_TEXT = "__bare_line_text";
const MAX_ABORT_CHARS = 200;

export function emitWasmHooks(a: Assembler, memory: MemoryLayout): void {
  a.section("data");
  a.align(4);
  a.local(PAGES);
  a.dd(memory.initialPages);
  a.local(LIMIT);
  a.dd(memory.limitPages);
  a.section("rodata");
  a.local(ABORT_TEXT);
  a.bytes(new TextEncoder().encode("bare-runtime: abort: \0"));
  a.local(LINE_TEXT);
  a.bytes(new TextEncoder().encode(" line 0x\0"));
  a.section("text");
  emitMemorySize(a);
  emitMemoryGrow(a);
  emitEmit(a);
  emitAbort(a, memory.memoryBase);
}

function emitMemorySize(a: Assembler): void {
  a.global(WASM_MEMORY_SIZE);
  a.mov(eax, m32({ symbol: PAGES }));
  a.ret();
}

function emitMemoryGrow(a: Assembler): void {
  const fail = a.newLabel();
  a.global(WASM_MEMORY_GROW);
  a.mov(ecx, m32({ base: esp, disp: 4 }));
  a.mov(eax, m32({ symbol: PAGES }));
  a.mov(edx, m32({ symbol: LIMIT }));
  a.sub(edx, eax);
  a.cmp(ecx, edx);
  a.jcc("a", fail);
  a.add(ecx, eax);
  a.mov(m32({ symbol: PAGES }), ecx);
  a.ret();
  a.bind(fail);
  a.mov(eax, -1);
  a.ret();
}

function emitEmit(a: Assembler): void {
  a.global(importSymbol(HOST_IMPORTS.emitI32));
  a.mov(edx, DEBUG_VALUE_PORT);
  a.mov(eax, TAG_EMIT_I32);
  a.out(dx, eax);
  a.mov(eax, m32({ base: esp, disp: 4 }));
  a.out(dx, eax);
  a.ret();
  a.global(importSymbol(HOST_IMPORTS.emitI64));
  a.mov(edx, DEBUG_VALUE_PORT);
  a.mov(eax, TAG_EMIT_I64);
  a.out(dx, eax);
  a.mov(eax, m32({ base: esp, disp: 4 }));
  a.out(dx, eax);
  a.mov(eax, m32({ base: esp, disp: 8 }));
  a.out(dx, eax);
  a.ret();
}

/** Message: an AssemblyScript string (byte length at ptr - 4, UTF-16 code units) in linear memory. */
function emitAbort(a: Assembler, memoryBase: number): void {
  const noMessage = a.newLabel();
  const loop = a.newLabel();
  const printed = a.newLabel();
  a.global(importSymbol(HOST_IMPORTS.abort));
  a.mov(esi, sym(ABORT_TEXT));
  a.call(SERIAL_PUTS);
  a.mov(ebx, m32({ base: esp, disp: 4 }));
  a.test(ebx, ebx);
  a.jcc("z", noMessage);
  a.lea(esi, m32({ base: ebx, disp: memoryBase }));
  a.mov(ecx, m32({ base: esi, disp: -4 }));
  a.shr(ecx, 1);
  a.cmp(ecx, MAX_ABORT_CHARS);
  a.jcc("be", loop);
  a.mov(ecx, MAX_ABORT_CHARS);
  a.bind(loop);
  a.test(ecx, ecx);
  a.jcc("z", printed);
  a.mov(al, m8({ base: esi }));
  a.call(SERIAL_PUTC);
  a.add(esi, 2);
  a.dec(ecx);
  a.jmp(loop);
  a.bind(printed);
  a.bind(noMessage);
  a.mov(esi, sym(LINE_TEXT));
  a.call(SERIAL_PUTS);
  a.mov(eax, m32({ base: esp, disp: 12 }));
  a.call(SERIAL_HEX);
  a.mov(al, 10);
  a.call(SERIAL_PUTC);
  a.mov(eax, TrapKind.Abort);
  a.jmp(WASM_TRAP);
}
