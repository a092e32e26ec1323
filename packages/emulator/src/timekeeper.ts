/**
 * The process-wide time source v86 reads, switchable per machine.
 *
 * Layer: host, @sawmill/emulator (private).
 *
 * v86 binds `performance.now` once, when its module is first evaluated, and calls it for every
 * timer (PIT, ACPI, APIC, its main-loop time slices). We therefore install, before v86 is
 * imported (see v86-module.ts), a `performance` object whose `now()` asks the machine that is
 * currently executing. A machine makes itself current for the duration of each of its ticks
 * (ticks are synchronous, so machines in one process never interleave inside one) and while it
 * is being constructed. With no current machine, real time is returned.
 *
 * A machine's Timekeeper also gets control at every main-loop iteration through this hook: that
 * is where exact instruction counts are taken (see machine.ts).
 */

export interface Timekeeper {
  /** Milliseconds on this machine's clock. */
  now(): number;
}

const realPerformance = globalThis.performance;
let current: Timekeeper | null = null;

/** The `performance` stand-in v86 binds at load. */
export const switchablePerformance = {
  now(): number {
    return current === null ? realPerformance.now() : current.now();
  },
};

/** Runs `action` with `keeper` as the current time source, restoring the previous one after. */
export function withTimekeeper<T>(keeper: Timekeeper, action: () => T): T {
  const previous = current;
  current = keeper;
  try {
    return action();
  } finally {
    current = previous;
  }
}

/** Makes `keeper` current until the returned function is called (for asynchronous construction). */
export function enterTimekeeper(keeper: Timekeeper): () => void {
  const previous = current;
  current = keeper;
  return () => {
    current = previous;
  };
}

export function realNow(): number {
  return realPerformance.now();
}
