// Test component that touches more memory than its budget allows: one word in each of pages
// 1–11 of its wasm memory (all inside the manifest's 12-page memory range, but its code, data,
// stack and UTCB pages count against the same budget), printing each page it got. Root refuses the fault that
// exceeds the budget and the kernel ends this task, so the last line shows how far it got.
import { debugPrint } from "@sawmill/kernel/assembly/user/sys";
import { printDec } from "../../assembly/console";

const START: u32 = 0x1000;
const PAGES: u32 = 11;

export function main(a: u32, b: u32, c: u32, d: u32): u32 {
  for (let page: u32 = 0; page < PAGES; page++) {
    store<u32>(START + page * 4096, page);
    debugPrint("[hog] page ");
    printDec(page);
    debugPrint("\n");
  }
  debugPrint("[hog] touched every page: the budget was not enforced\n");
  return 0;
}
