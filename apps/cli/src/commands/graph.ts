/**
 * `sawmill graph <config.yaml> [-o file.svg]`: the component graph as SVG.
 *
 * Layer: CLI (host). Interface: `graphCommand(file, flags, io) → exit code`.
 * The graph is drawn from the built image's manifest (tasks, placement, who calls whom), so this
 * builds first (cached: a rebuild of an unchanged configuration is quick) and hands on the
 * build's graph.svg: to the -o file, or to stdout.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { type BuildFlags, buildWithProgress } from "../build-step.js";
import { ExitCode } from "../exit-codes.js";
import { UserError } from "../failure.js";
import type { Io } from "../io.js";

export interface GraphFlags extends BuildFlags {
  readonly output?: string;
}

export async function graphCommand(file: string, flags: GraphFlags, io: Io): Promise<number> {
  const built = await buildWithProgress(file, flags, io);
  const svg = readFileSync(built.files.graph, "utf8");
  if (flags.output === undefined || flags.output === "-") {
    io.stdout.write(svg);
    return ExitCode.ok;
  }
  try {
    writeFileSync(flags.output, svg);
  } catch (error) {
    throw new UserError(`cannot write ${flags.output}: ${(error as Error).message}`, "check the -o path");
  }
  if (!flags.quiet) io.stderr.write(`sawmill: wrote ${flags.output}\n`);
  return ExitCode.ok;
}
