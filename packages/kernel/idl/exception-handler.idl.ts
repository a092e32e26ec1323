// The kernel's exception protocol as an @sawmill/idl interface. The kernel is the client: it
// calls the thread's exception handler on the thread's behalf (README "Exceptions"). The label
// is the kernel's KernelLabel.EXCEPTION (src/abi.ts; a test in @sawmill/idl checks the two).
import type { u32 } from "@sawmill/idl/types";

/** An exception handler: told of the ring-3 exceptions of the threads that name it. */
export interface ExceptionHandler {
  /**
   * A thread raised exception `vector` at `eip` with the CPU's `errorCode` (and `address` =
   * cr2 for a page fault, else 0). The thread stays stopped until the reply, which resumes it
   * at the faulting instruction. (To resume elsewhere, a handler replies by hand with two words,
   * MR1 = the new eip; a handler that never replies leaves the thread stopped.)
   * @label 0xfff1
   */
  exception(vector: u32, eip: u32, errorCode: u32, address: u32): void;
}
