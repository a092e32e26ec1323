/**
 * Builds and boots the demo: assembly/hello.ts → wasm → x86 → bare-metal multiboot image → v86.
 *
 * Layer: application (host side). Interface: `runDemo({ onSerial })` returns what the program
 * printed and the value `main` returned. The program runs in ring 0 on the bare runtime; later
 * issues replace that with the kernel, root task and a console server.
 */

import { fileURLToPath } from "node:url";
import { compileFile } from "@sawmill/as-compiler";
import { DEFAULT_MEMORY_BASE, runOnBareMetal } from "@sawmill/bare-runtime";
import { compileModule } from "@sawmill/wasm-x86";

export const DEMO_SOURCE = fileURLToPath(new URL("../assembly/hello.ts", import.meta.url));

export interface DemoRun {
  readonly serial: string;
  readonly exitCode: number;
  readonly instructions: number;
}

export async function runDemo(options: { onSerial?: (text: string) => void } = {}): Promise<DemoRun> {
  const wasm = await compileFile(DEMO_SOURCE);
  const module = compileModule(wasm, { memoryBase: DEFAULT_MEMORY_BASE });
  const run = await runOnBareMetal(module, [{ export: "main", args: [] }], options);
  const [result] = run.results;
  const exitCode = result !== undefined && "value" in result ? Number(result.value) : 1;
  return { serial: run.serial, exitCode, instructions: run.instructions };
}
