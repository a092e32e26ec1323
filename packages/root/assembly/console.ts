// The root task's console output: text, numbers and manifest names through debug_putc.
// Layer: root task (AssemblyScript, ring 3).
//
// Interface: print(text), printDec(value), printName(field) (a 32-byte NUL-padded UTF-8 name
// field from the archive or manifest, printed byte for byte). Every line root prints starts
// with "[root] " so test harnesses and readers can tell it from the kernel's and components'.

import { debugPutc, debugPrint } from "@sawmill/kernel/assembly/user/sys";
import { nameLength } from "@sawmill/image/assembly/fixed-name";

export function print(text: string): void {
  debugPrint(text);
}

export function printDec(value: u32): void {
  let divisor: u32 = 1;
  while (value / divisor >= 10) divisor *= 10;
  for (; divisor > 0; divisor /= 10) debugPutc(0x30 + ((value / divisor) % 10));
}

export function printName(field: usize): void {
  const length = nameLength(field);
  for (let i: usize = 0; i < length; i++) debugPutc(load<u8>(field + i));
}

export function printHex(value: u32): void {
  debugPrint("0x");
  for (let shift = 28; shift >= 0; shift -= 4) {
    const digit = (value >>> shift) & 0xf;
    debugPutc(digit < 10 ? 0x30 + digit : 0x57 + digit);
  }
}
