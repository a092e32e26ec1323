// Tamper component: binds a policy cache (slot 1: a plain policy capability), then writes to
// the version page it mapped. The page is read-only, so the write faults in this task: root's
// pager refuses the protection fault and, with no exception handler, the kernel ends the task.
import { ADDRESS_USER_MEMORY } from "@sawmill/kernel/assembly/generated/layout";
import {
  debugPrint,
  debugCheck as expect,
  debugPrintDecimal as printNumber,
} from "@sawmill/kernel/assembly/user/sys";
import { PolicyCache, VERSION_WINDOW } from "./policy-cache";

const cache = new PolicyCache(1);

export function main(a: u32, b: u32, c: u32, d: u32): u32 {
  expect(cache.bind() == 0, "tamper bind");
  debugPrint("[tamper] version ");
  printNumber(cache.version);
  debugPrint(", writing 1000 over it\n");
  store<u32>(VERSION_WINDOW - ADDRESS_USER_MEMORY, 1000);
  expect(false, "the version page took a write");
  return 0;
}
