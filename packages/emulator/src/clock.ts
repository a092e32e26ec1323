/**
 * Machine clocks: what a guest's timers (PIT, APIC, ACPI PM timer, rdtsc) see as time.
 *
 * Layer: host, @sawmill/emulator (private).
 *
 * - RealClock: host time. Timer interrupts land wherever the host's speed puts them.
 * - VirtualClock: time derived from the guest's own progress, so a run is repeatable:
 *     now = executedInstructions / instructionsPerMs + idleMs
 *   While the CPU is halted no instructions run, so the machine advances `idleMs` by exactly the
 *   delay v86's timers ask for (the time until their next event) and wakes at once; a halted
 *   guest therefore costs no wall-clock time either.
 */

export interface MachineClock {
  now(): number;
  /** Called while the CPU is halted with the timers' requested delay; returns the host delay to use. */
  idle(requestedMs: number): number;
}

export const DEFAULT_INSTRUCTIONS_PER_MS = 1_000_000;
/** Smallest idle step, so a timer that asks for "now" still lets time move. */
const MIN_IDLE_STEP_MS = 0.001;

export class RealClock implements MachineClock {
  constructor(private readonly realNow: () => number) {}

  now(): number {
    return this.realNow();
  }

  idle(requestedMs: number): number {
    return requestedMs;
  }
}

export class VirtualClock implements MachineClock {
  private idleMs = 0;

  constructor(
    private readonly instructions: () => number,
    private readonly instructionsPerMs = DEFAULT_INSTRUCTIONS_PER_MS,
  ) {
    if (!(instructionsPerMs > 0))
      throw new RangeError(`instructionsPerMs must be positive, got ${instructionsPerMs}`);
  }

  now(): number {
    return this.instructions() / this.instructionsPerMs + this.idleMs;
  }

  idle(requestedMs: number): number {
    this.idleMs += Math.max(requestedMs, MIN_IDLE_STEP_MS);
    return 0;
  }
}
