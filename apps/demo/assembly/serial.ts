// COM1 output for the demo: a polled 16550 transmitter, reached through the backend's port-I/O
// intrinsics (each becomes one `in`/`out` instruction).
import { inb, outb } from "@sawmill/wasm-x86/assembly/x86";

const COM1: u16 = 0x3f8;
const LINE_STATUS: u16 = COM1 + 5;
const TRANSMIT_EMPTY: u8 = 0x20;

export function putChar(c: u8): void {
  while ((inb(LINE_STATUS) & TRANSMIT_EMPTY) == 0) {}
  outb(COM1, c);
}

export function putString(s: string): void {
  for (let i = 0; i < s.length; i++) putChar(<u8>s.charCodeAt(i));
}

export function putNumber(n: u64): void {
  const digits = new StaticArray<u8>(20);
  let count = 0;
  do {
    digits[count++] = <u8>(0x30 + (n % 10));
    n /= 10;
  } while (n != 0);
  while (count > 0) putChar(digits[--count]);
}
