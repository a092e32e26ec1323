// Decimal printing for the test components.
import { debugPutc } from "@sawmill/kernel/assembly/user/sys";

export function printNumber(value: u32): void {
  let divisor: u32 = 1;
  while (value / divisor >= 10) divisor *= 10;
  for (; divisor > 0; divisor /= 10) debugPutc(0x30 + ((value / divisor) % 10));
}
