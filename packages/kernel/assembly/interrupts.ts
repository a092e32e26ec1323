// Hardware interrupts. Layer: kernel (AssemblyScript).
//
// The timer drives the scheduler; every other line is delivered to the thread that attached it
// (not yet: unattached lines stay masked). Interface: interrupt(line).

import { acknowledge } from "./pic";
import { schedule, tick } from "./scheduler";
import { countTick, TIMER_LINE } from "./timer";

export function interrupt(line: u32): void {
  acknowledge(line);
  if (line == TIMER_LINE) {
    countTick();
    tick();
  }
  schedule();
}
