// A root task that only greets and ends the run: the kernel's smallest boot test.
import { debugExit, debugPrint } from "@sawmill/kernel/assembly/user/sys";

export function main(archive: u32, archiveSize: u32, firstFree: u32, memoryEnd: u32): u32 {
  debugPrint("hello from ring 3\n");
  debugExit(archiveSize != 0 && memoryEnd > firstFree ? 0x42 : 1);
  return 0;
}
