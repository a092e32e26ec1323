// Test component at a lower priority than the hog: it runs once the hog is stopped, proving the
// rest of the system goes on, and ends the run.
import { debugExit, debugPrint } from "@sawmill/kernel/assembly/user/sys";

export function main(a: u32, b: u32, c: u32, d: u32): u32 {
  debugPrint("[survivor] still running\n");
  debugExit(0x51);
  return 0;
}
