// The two 8259 interrupt controllers, remapped to vectors 0x20–0x2F.
// Layer: kernel interrupts (AssemblyScript). Interface: picInit() masks every line but the
// cascade; unmask(line) / mask(line); acknowledge(line) ends the interrupt (EOI); spurious(line)
// tells a spurious line 7 or 15 (raised without being in service: it must not be acknowledged,
// except that the master saw line 15's cascade) from a real one.

import { inb, outb } from "@sawmill/wasm-x86/assembly/x86";
import { VECTOR_IRQ_BASE } from "./generated/layout";

const MASTER: u16 = 0x20;
const SLAVE: u16 = 0xa0;
const END_OF_INTERRUPT: u8 = 0x20;
const READ_IN_SERVICE: u8 = 0x0b; // OCW3: the next read of the command port returns the ISR
const LOWEST_PRIORITY_BIT: u8 = 0x80; // lines 7 and 15: where spurious interrupts appear
export const CASCADE_LINE: u32 = 2;

export function picInit(): void {
  outb(MASTER, 0x11); // ICW1: edge triggered, cascade, ICW4 follows
  outb(SLAVE, 0x11);
  outb(MASTER + 1, <u8>VECTOR_IRQ_BASE); // ICW2: vector base
  outb(SLAVE + 1, <u8>(VECTOR_IRQ_BASE + 8));
  outb(MASTER + 1, 0x04); // ICW3: slave on line 2
  outb(SLAVE + 1, 0x02);
  outb(MASTER + 1, 0x01); // ICW4: 8086 mode
  outb(SLAVE + 1, 0x01);
  outb(MASTER + 1, 0xff);
  outb(SLAVE + 1, 0xff);
  unmask(CASCADE_LINE);
}

export function unmask(line: u32): void {
  const port = line < 8 ? MASTER + 1 : SLAVE + 1;
  outb(port, inb(port) & ~(<u8>(1 << (<u8>line & 7))));
}

export function mask(line: u32): void {
  const port = line < 8 ? MASTER + 1 : SLAVE + 1;
  outb(port, inb(port) | (<u8>(1 << (<u8>line & 7))));
}

export function acknowledge(line: u32): void {
  if (line >= 8) outb(SLAVE, END_OF_INTERRUPT);
  outb(MASTER, END_OF_INTERRUPT);
}

export function spurious(line: u32): bool {
  if ((line & 7) != 7) return false;
  const port = line < 8 ? MASTER : SLAVE;
  outb(port, READ_IN_SERVICE);
  if ((inb(port) & LOWEST_PRIORITY_BIT) != 0) return false;
  if (line >= 8) outb(MASTER, END_OF_INTERRUPT);
  return true;
}
