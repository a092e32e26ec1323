// The PIT, channel 0, as the scheduler's clock. Layer: kernel interrupts (AssemblyScript).
// Interface: timerInit() programs TICK_HZ periodic interrupts on IRQ 0; ticks() counts them.

import { outb } from "@sawmill/wasm-x86/assembly/x86";
import { ADDRESS_CPU, CPU_TICKS } from "./generated/layout";

export const TICK_HZ: u32 = 100;
export const TIMER_LINE: u32 = 0;
const PIT_HZ: u32 = 1193182;

export function timerInit(): void {
  const divisor = (PIT_HZ + TICK_HZ / 2) / TICK_HZ;
  outb(0x43, 0x34); // channel 0, lobyte/hibyte, mode 2 (rate generator)
  outb(0x40, <u8>(divisor & 0xff));
  outb(0x40, <u8>(divisor >> 8));
}

export function ticks(): u32 {
  return load<u32>(ADDRESS_CPU + CPU_TICKS);
}

export function countTick(): u32 {
  const now = ticks() + 1;
  store<u32>(ADDRESS_CPU + CPU_TICKS, now);
  return now;
}
