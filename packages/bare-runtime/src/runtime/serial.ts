/**
 * Serial output on COM1 for the runtime's own messages (traps, aborts).
 *
 * Layer: bare-runtime, guest code. Internal register conventions (not cdecl):
 *   __bare_serial_putc  al = byte            preserves all but eax, edx
 *   __bare_serial_puts  esi = NUL-terminated preserves all but eax, edx, esi
 *   __bare_serial_hex   eax = value (8 hex)  preserves all but eax, edx
 * Each byte waits for the transmitter-empty bit, so the code also works on a real 16550.
 */

import { type Assembler, al, dx, eax, ebx, ecx, edx, esi, m8 } from "@sawmill/x86";
import { COM1 } from "../machine.js";
import { SERIAL_HEX, SERIAL_PUTC, SERIAL_PUTS } from "./symbols.js";

const LINE_STATUS = COM1 + 5;
const TRANSMIT_EMPTY = 0x20;

export function emitSerial(a: Assembler): void {
  a.section("text");
  emitPutc(a);
  emitPuts(a);
  emitHex(a);
}

function emitPutc(a: Assembler): void {
  a.global(SERIAL_PUTC);
  a.push(eax);
  a.mov(edx, LINE_STATUS);
  const wait = a.newLabel();
  a.bind(wait);
  a.in(al, dx);
  a.test(al, TRANSMIT_EMPTY);
  a.jcc("z", wait);
  a.pop(eax);
  a.mov(edx, COM1);
  a.out(dx, al);
  a.ret();
}

function emitPuts(a: Assembler): void {
  a.global(SERIAL_PUTS);
  const loop = a.newLabel();
  const done = a.newLabel();
  a.bind(loop);
  a.movzx(eax, m8({ base: esi }));
  a.test(eax, eax);
  a.jcc("z", done);
  a.call(SERIAL_PUTC);
  a.inc(esi);
  a.jmp(loop);
  a.bind(done);
  a.ret();
}

function emitHex(a: Assembler): void {
  a.global(SERIAL_HEX);
  a.push(ebx);
  a.push(ecx);
  a.mov(ebx, eax);
  a.mov(ecx, 8);
  const loop = a.newLabel();
  const digit = a.newLabel();
  a.bind(loop);
  a.rol(ebx, 4);
  a.mov(eax, ebx);
  a.and(eax, 15);
  a.cmp(eax, 10);
  a.jcc("b", digit);
  a.add(eax, "a".charCodeAt(0) - 10 - "0".charCodeAt(0));
  a.bind(digit);
  a.add(eax, "0".charCodeAt(0));
  a.call(SERIAL_PUTC);
  a.dec(ecx);
  a.jcc("nz", loop);
  a.pop(ecx);
  a.pop(ebx);
  a.ret();
}
