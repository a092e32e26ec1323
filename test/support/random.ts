/**
 * A small seeded PRNG (SplitMix32-style) for the generated tests: same seed, same program.
 *
 * Layer: e2e test support. Interface: `new Random(seed)`; `int(n)` in [0, n), `chance(p)`,
 * `pick(items)`, `u32()`, `i64()` (uniform bit patterns), `fork(label)` for an independent stream.
 */

export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  u32(): number {
    this.state = (this.state + 0x9e3779b9) >>> 0;
    let z = this.state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  }

  /** Uniform in [0, n). */
  int(n: number): number {
    return Math.floor((this.u32() / 2 ** 32) * n);
  }

  /** Uniform in [lo, hi]. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.u32() / 2 ** 32 < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  i64(): bigint {
    return BigInt.asIntN(64, (BigInt(this.u32()) << 32n) | BigInt(this.u32()));
  }

  /** An independent stream derived from this one's seed and a label. */
  fork(label: number): Random {
    return new Random(Math.imul(this.state ^ 0x5bd1e995, 0x27d4eb2d) ^ Math.imul(label + 1, 0x165667b1));
  }
}
