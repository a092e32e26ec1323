/**
 * Boots a multiboot image in v86 until the guest exits or its console shows a given text.
 * Test helper: `runUntil(elf, until?, maxInstructions?)` → COM1 text and the exit code (null
 * when the run ended otherwise).
 *
 * Some runs end with every task gone and the kernel idling (no exit to wait for),
 * so the harness stops at the first of: the exit port, `until` appearing on COM1, the
 * instruction budget, or a wall-clock safety limit (a hung run fails instead of hanging).
 */

import { Machine } from "@sawmill/emulator";

const SAFETY_MS = 60_000;

export interface Run {
  readonly serial: string;
  readonly exitCode: number | null;
}

export async function runUntil(elf: Uint8Array, until?: string, maxInstructions = 100_000_000): Promise<Run> {
  const machine = await Machine.start({ multiboot: elf, memoryMiB: 64, maxInstructions });
  let serial = "";
  try {
    const exitCode = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), SAFETY_MS);
      machine.on("end", () => clearTimeout(timer));
      machine.on("serial", (text) => {
        serial += text;
        if (until !== undefined && serial.includes(until)) resolve(null);
      });
      machine.on("end", (end) => resolve(end.kind === "exit" ? end.code : null));
    });
    return { serial, exitCode };
  } finally {
    await machine.stop();
  }
}
