// libc `exit`: ends the task through the kernel; no server involved.
import { exit as exitTask } from "@sawmill/kernel/assembly/user/sys";

export function exit(code: i32): void {
  exitTask(<u32>code);
}
