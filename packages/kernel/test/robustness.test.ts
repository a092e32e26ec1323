import { randomInt } from "node:crypto";
import { fileURLToPath } from "node:url";
import { bootMultiboot } from "@sawmill/emulator";
import { describe, expect, it } from "vitest";
import { buildComponent, buildSystemImage } from "../src/index.js";

const fixture = (name: string) => fileURLToPath(new URL(`./assembly/${name}`, import.meta.url));

const CALLS = 100_000;
/** A tick every 200 000 instructions, so the client's once-a-tick calls happen hundreds of times. */
const CLOCK = { instructionsPerMs: 20_000 };

/** SAWMILL_SEED reproduces a run; otherwise every run tries a new seed. */
function chooseSeed(): number {
  const given = process.env.SAWMILL_SEED;
  const seed = given === undefined ? randomInt(1, 2 ** 32) : Number(given) >>> 0;
  console.log(`robustness seed ${seed} (reproduce with SAWMILL_SEED=${seed})`);
  return seed;
}

describe("robustness", () => {
  it("survives 100 000 random system calls while another task keeps answering IPC", async () => {
    const seed = chooseSeed();
    const [root, fuzzer] = await Promise.all([
      buildComponent(fixture("robust-root.ts")),
      buildComponent(fixture("robust-fuzzer.ts")),
    ]);
    const seedBytes = new Uint8Array(new Uint32Array([seed]).buffer);
    const elf = await buildSystemImage({
      root: root.elf,
      entries: [
        { name: "child", bytes: fuzzer.elf },
        { name: "seed", bytes: seedBytes },
      ],
    });
    const result = await bootMultiboot(elf, {
      memoryMiB: 64,
      maxInstructions: 400_000_000,
      virtualClock: CLOCK,
    });
    console.log(`robustness: ${result.instructions} instructions; ${result.serial.split("\n").at(-2) ?? ""}`);
    expect(result.serial).not.toContain("KERNEL PANIC");
    expect(result.exitCode, result.serial.slice(-2000)).toBe(0x42);
    const [seedSeen, calls, , answered] = result.values;
    expect(seedSeen).toBe(seed);
    expect(calls).toBe(CALLS);
    expect(answered).toBeGreaterThanOrEqual(50);
  }, 600_000);
});
