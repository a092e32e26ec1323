// Test guest: programs the PIC and the PIT, takes timer interrupts and marks every tick with
// the debug device (marker id = tick number), so a test can see exactly when each tick landed.
// Phase 1 spins for `spinIterations` (time advances with instructions); phase 2 halts until
// `haltTicks` more ticks have arrived (time advances while idle). Then it reports the tick
// count as a value and exits with code 0.
import { link, writeMultibootElf } from "@sawmill/image";
import { Assembler, al, ax, ds, dx, eax, ecx, edx, es, esp, fs, gs, m16, m32, ss, sym } from "@sawmill/x86";
import { DEBUG_EXIT_PORT, DEBUG_MARKER_PORT, DEBUG_VALUE_PORT } from "../src/index.js";

export interface PitGuestOptions {
  /** PIT channel 0 divisor (1193182 Hz / divisor interrupts per second). */
  readonly divisor: number;
  readonly spinIterations: number;
  readonly haltTicks: number;
}

const TIMER_VECTOR = 0x20;

export function pitGuest({ divisor, spinIterations, haltTicks }: PitGuestOptions): Uint8Array {
  const a = new Assembler();
  const outByte = (port: number, value: number) => {
    a.mov(al, value);
    a.out(port, al);
  };
  a.section("text");
  a.global("start");
  a.lgdt(m32({ symbol: "gdtr" }));
  const flat = a.newLabel();
  a.jmpFar(0x08, flat);
  a.bind(flat);
  a.mov(ax, 0x10);
  for (const segment of [ds, es, fs, gs, ss]) a.mov(segment, ax);
  a.mov(esp, sym("stack_top"));
  // Interrupt gate for the timer vector: offset split around selector 0x08 and type 0x8E.
  const gate = TIMER_VECTOR * 8;
  a.mov(eax, sym("timer"));
  a.mov(m16({ symbol: "idt", disp: gate }), ax);
  a.mov(m16({ symbol: "idt", disp: gate + 2 }), 0x08);
  a.mov(m16({ symbol: "idt", disp: gate + 4 }), 0x8e00);
  a.shr(eax, 16);
  a.mov(m16({ symbol: "idt", disp: gate + 6 }), ax);
  a.lidt(m32({ symbol: "idtr" }));
  // PIC: remap to 0x20/0x28, unmask IRQ 0 only.
  for (const [port, value] of [
    [0x20, 0x11],
    [0xa0, 0x11],
    [0x21, TIMER_VECTOR],
    [0xa1, TIMER_VECTOR + 8],
    [0x21, 4],
    [0xa1, 2],
    [0x21, 1],
    [0xa1, 1],
    [0x21, 0xfe],
    [0xa1, 0xff],
  ])
    outByte(port, value);
  // PIT channel 0, rate generator.
  outByte(0x43, 0x34);
  outByte(0x40, divisor & 0xff);
  outByte(0x40, divisor >> 8);
  a.sti();
  const spin = a.newLabel();
  a.mov(ecx, spinIterations);
  a.bind(spin);
  a.dec(ecx);
  a.jcc("ne", spin);
  a.mov(ecx, m32({ symbol: "ticks" }));
  a.add(ecx, haltTicks);
  const idle = a.newLabel();
  a.bind(idle);
  a.hlt();
  a.cmp(m32({ symbol: "ticks" }), ecx);
  a.jcc("b", idle);
  a.cli();
  a.mov(eax, m32({ symbol: "ticks" }));
  a.mov(dx, DEBUG_VALUE_PORT);
  a.out(dx, eax);
  a.mov(eax, 0);
  a.mov(dx, DEBUG_EXIT_PORT);
  a.out(dx, eax);

  a.global("timer");
  a.push(eax);
  a.push(edx);
  a.inc(m32({ symbol: "ticks" }));
  a.mov(eax, m32({ symbol: "ticks" }));
  a.mov(dx, DEBUG_MARKER_PORT);
  a.out(dx, eax);
  outByte(0x20, 0x20); // end of interrupt
  a.pop(edx);
  a.pop(eax);
  a.iretd();

  a.section("data");
  a.align(8);
  a.global("gdt");
  a.dq(0n);
  a.dq(0x00cf9a000000ffffn); // flat code
  a.dq(0x00cf92000000ffffn); // flat data
  a.global("gdtr");
  a.dw(3 * 8 - 1);
  a.dd(sym("gdt"));
  a.global("idtr");
  a.dw(256 * 8 - 1);
  a.dd(sym("idt"));
  a.global("ticks");
  a.dd(0);

  a.section("bss");
  a.align(8);
  a.global("idt");
  a.space(256 * 8);
  a.space(4096);
  a.global("stack_top");
  return writeMultibootElf(link([a.finish()], { base: 0x100000, entry: "start" }));
}
