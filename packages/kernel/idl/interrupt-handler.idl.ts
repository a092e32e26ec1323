// The kernel's interrupt protocol as an @sawmill/idl interface. The kernel sends (no reply is
// waited for) one message per interrupt to the endpoint the line is attached to (README
// "Devices"); the line stays masked until irq_ack. The label is the kernel's KernelLabel.IRQ
// (src/abi.ts; a test in @sawmill/idl checks the two).
import type { u32 } from "@sawmill/idl/types";

/** An interrupt handler: the thread that receives on an endpoint IRQ lines are attached to. */
export interface InterruptHandler {
  /**
   * Interrupt `line` fired. The badge is the attaching capability's; the reply goes nowhere.
   * @label 0xfff0
   */
  interrupt(line: u32): void;
}
