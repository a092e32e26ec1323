// Kernel console: COM1, polled. Layer: kernel (AssemblyScript). Used for boot messages, the
// debug_putc system call and panics; never by the IPC paths.

import { inb, outb } from "@sawmill/wasm-x86/assembly/x86";

const COM1: u16 = 0x3f8;
const LINE_STATUS: u16 = COM1 + 5;
const TRANSMIT_EMPTY: u8 = 0x20;

export function consoleInit(): void {
  outb(COM1 + 1, 0x00); // no interrupts
  outb(COM1 + 3, 0x80); // divisor latch
  outb(COM1 + 0, 0x01); // 115200 baud
  outb(COM1 + 1, 0x00);
  outb(COM1 + 3, 0x03); // 8N1
  outb(COM1 + 2, 0xc7); // FIFO on, cleared
  outb(COM1 + 4, 0x03); // DTR, RTS
}

export function putc(c: u32): void {
  while ((inb(LINE_STATUS) & TRANSMIT_EMPTY) == 0) {}
  outb(COM1, <u8>c);
}

export function puts(text: string): void {
  for (let i = 0; i < text.length; i++) putc(text.charCodeAt(i));
}

export function putHex(value: u32): void {
  puts("0x");
  for (let shift = 28; shift >= 0; shift -= 4) {
    const digit = (value >> (<u32>shift)) & 0xf;
    putc(digit < 10 ? 0x30 + digit : 0x57 + digit);
  }
}

export function putDec(value: u32): void {
  if (value >= 10) putDec(value / 10);
  putc(0x30 + (value % 10));
}
