#!/usr/bin/env -S npx tsx --conditions=@sawmill/source
/**
 * `npm start`: build the demo image and boot it in v86, with its serial console on this terminal.
 * Exits with the program's own exit code.
 */

import { runDemo } from "./demo-image.js";

try {
  const run = await runDemo({ onSerial: (text) => process.stdout.write(text) });
  process.stderr.write(`[demo exited with ${run.exitCode} after ${run.instructions} guest instructions]\n`);
  process.exitCode = run.exitCode;
} catch (error) {
  process.stderr.write(`demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
