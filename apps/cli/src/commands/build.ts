/**
 * `sawmill build <config.yaml> [--out dir]`: build the image and list what was written.
 *
 * Layer: CLI (host). Interface: `buildCommand(file, flags, io) → exit code`.
 * Progress on stderr; the written files (path and size) on stdout, one a line, so scripts can
 * pick them up.
 */
import { statSync } from "node:fs";
import { relative } from "node:path";
import { type BuildFlags, buildWithProgress } from "../build-step.js";
import { ExitCode } from "../exit-codes.js";
import type { Io } from "../io.js";
import { formatBytes } from "../sizes.js";
import { formatTable } from "../table.js";

export async function buildCommand(file: string, flags: BuildFlags, io: Io): Promise<number> {
  const built = await buildWithProgress(file, flags, io);
  const rows = Object.values(built.files).map((path) => [shown(path), formatBytes(statSync(path).size)]);
  io.stdout.write(`${formatTable([{ title: "file" }, { title: "size", align: "right" }], rows)}\n`);
  return ExitCode.ok;
}

/** Paths relative to the working directory when inside it (shorter, and stable in tests). */
export function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith("..") || rel === "" ? path : rel;
}
