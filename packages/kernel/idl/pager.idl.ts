// The kernel's page-fault protocol as an @sawmill/idl interface. The kernel is the client: it
// calls the faulting thread's pager on the thread's behalf (README "Page faults"). The label
// is the kernel's KernelLabel.PAGE_FAULT (src/abi.ts; a test in @sawmill/idl checks the two).
import type { Mapping, u32 } from "@sawmill/idl/types";

/** A pager: resolves the page faults of the threads that name it. */
export interface Pager {
  /**
   * A thread faulted at `address` (cr2) executing `eip`; `access` holds the FaultError bits
   * (1 present: a protection fault, 2 write, 4 user). Reply with one map or grant item: it is
   * installed at the faulting page and the thread retries. Any error status means "no
   * mapping": the fault goes to the thread's exception handler, or the task ends.
   * @label 0xfff2
   * @error NO_MAPPING nothing can be mapped there
   */
  pageFault(address: u32, eip: u32, access: u32): Mapping;
}
