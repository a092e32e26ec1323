// Hardware interrupts. Layer: kernel (AssemblyScript).
//
// Interface: interrupt(line) for every IRQ vector. The timer drives the scheduler and the IPC
// timeouts on every tick, whether or not a user thread also attached line 0; every line then
// goes to irq.ts, which delivers it to the endpoint it is attached to (an unattached line is
// masked and only arrives spuriously: ignored). Spurious lines 7 and 15 are not acknowledged.

import { ipcTick } from "./ipc";
import { irqRaised } from "./irq";
import { acknowledge, spurious } from "./pic";
import { schedule, tick } from "./scheduler";
import { countTick, TIMER_LINE } from "./timer";

export function interrupt(line: u32): void {
  if (!spurious(line)) {
    acknowledge(line);
    irqRaised(line); // first: a thread whose receive times out at this tick still gets it
    if (line == TIMER_LINE) timerTick();
  }
  schedule();
}

function timerTick(): void {
  ipcTick(countTick());
  tick();
}
