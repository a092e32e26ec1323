/**
 * Accumulates v86's 32-bit instruction counter into a total that does not wrap.
 *
 * Layer: host, @sawmill/emulator. The counter wraps about every 2 s of emulation; as long as it
 * is sampled at least once per 2^32 instructions (the main loop samples it every ~100,000),
 * adding `(now - last) >>> 0` at each sample gives the exact total.
 */

export class InstructionCount {
  private last: number;
  private total = 0;

  /** `read` returns the raw 32-bit counter; its value now is the zero point. */
  constructor(private readonly read: () => number) {
    this.last = read() >>> 0;
  }

  /** Samples the counter; returns instructions executed since construction. */
  sample(): number {
    const now = this.read() >>> 0;
    this.total += (now - this.last) >>> 0;
    this.last = now;
    return this.total;
  }
}
