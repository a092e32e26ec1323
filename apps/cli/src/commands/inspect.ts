/**
 * `sawmill inspect <config.yaml>`: what is in the image — sizes per task, system calls, resources.
 *
 * Layer: CLI (host). Interface: `inspectCommand(file, flags, io) → exit code`.
 * Builds first (cached: an unchanged configuration is not recompiled), then prints
 * @sawmill/build's table of the manifest on stdout, or with `--json` manifest.json itself.
 */
import { formatInspection } from "@sawmill/build";
import { type BuildFlags, buildWithProgress } from "../build-step.js";
import { ExitCode } from "../exit-codes.js";
import type { Io } from "../io.js";

export interface InspectFlags extends BuildFlags {
  readonly json?: boolean;
}

export async function inspectCommand(file: string, flags: InspectFlags, io: Io): Promise<number> {
  const { manifest } = await buildWithProgress(file, flags, io);
  const text = flags.json ? JSON.stringify(manifest, null, 2) : formatInspection(manifest);
  io.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
  return ExitCode.ok;
}
