/**
 * Test support: configurations in temporary directories with fixture packages installed into
 * their node_modules, and boots that end as soon as the guest printed a text.
 *
 * Layer: test support (host). Interface: `fixtureConfig(name, yaml, packages)` → config path;
 * `runUntil(options, text)` → `{ serial, instructions, found }`.
 */

import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Machine, type MachineOptions } from "@sawmill/emulator";

export const REPO = fileURLToPath(new URL("../../../", import.meta.url));
export const HELLO_YAML = join(REPO, "configs/hello.yaml");

/** Writes `yaml` as `<name>.yaml` in a fresh directory whose node_modules holds the fixture packages. */
export function fixtureConfig(name: string, yaml: string, packages: readonly string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), "sawmill-build-test-"));
  for (const p of packages) {
    cpSync(
      fileURLToPath(new URL(`./packages/${p}`, import.meta.url)),
      join(dir, "node_modules/@fixture", p),
      {
        recursive: true,
      },
    );
  }
  const path = join(dir, `${name}.yaml`);
  writeFileSync(path, yaml);
  return path;
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "sawmill-build-out-"));
}

/** Boots and stops once COM1 output contains `text` (or the budget ends the run). */
export async function runUntil(
  options: MachineOptions,
  text: string,
): Promise<{ serial: string; instructions: number; found: boolean }> {
  const machine = await Machine.start({ virtualClock: true, maxInstructions: 400_000_000, ...options });
  let serial = "";
  try {
    return await new Promise((resolve) => {
      machine.on("serial", (chunk) => {
        serial += chunk;
        if (serial.includes(text)) resolve({ serial, instructions: machine.instructions(), found: true });
      });
      machine.on("end", (end) => resolve({ serial, instructions: end.instructions, found: false }));
    });
  } finally {
    await machine.stop();
  }
}
