/**
 * The build every image command starts with, its progress shown on stderr.
 *
 * Layer: CLI (host). Interface: `buildWithProgress(config, { out, quiet }, io) → BuildResult`.
 * Progress: one line per step from @sawmill/build's onProgress (see progress.ts for terminals).
 */
import { type BuildResult, buildImage, type ProgressEvent } from "@sawmill/build";
import type { Io } from "./io.js";
import { createProgress } from "./progress.js";

export interface BuildFlags {
  readonly out?: string;
  readonly quiet?: boolean;
}

export async function buildWithProgress(config: string, flags: BuildFlags, io: Io): Promise<BuildResult> {
  const progress = createProgress(io.stderr, { quiet: flags.quiet });
  try {
    return await buildImage(config, {
      ...(flags.out === undefined ? {} : { outDir: flags.out }),
      onProgress: (event) => progress.stage(describeProgress(event)),
    });
  } finally {
    progress.done();
  }
}

/** A progress event as one short line: the builder's message, marked when it came from the cache. */
export function describeProgress(event: ProgressEvent): string {
  return event.cached ? `${event.message} (cached)` : event.message;
}
