// Test component that writes over its own code: root mapped its text read-only, so the write
// faults on a present page, root refuses it and the kernel ends this task.
import { debugPrint } from "@sawmill/kernel/assembly/user/sys";

/** Wasm address of the component image at 0x40000000 (wasm memory starts at 0x50000000). */
const TEXT: usize = 0x4000_0000 - 0x5000_0000;

export function main(a: u32, b: u32, c: u32, d: u32): u32 {
  debugPrint("[vandal] writing over my code\n");
  store<u32>(TEXT, 0);
  debugPrint("[vandal] my code was writable\n");
  return 0;
}
