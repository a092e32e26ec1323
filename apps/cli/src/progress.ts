/**
 * Progress of a long build on stderr.
 *
 * Layer: CLI (host). Interface: `createProgress(stream, { quiet }) → { stage(text), done() }`.
 * On a terminal the current stage is one line rewritten in place and erased at the end; anywhere
 * else (a pipe, a CI log) each stage is a plain line of its own: no control characters.
 */

export interface Progress {
  stage(text: string): void;
  /** Ends the progress display (erases the terminal's status line). */
  done(): void;
}

export interface ProgressOptions {
  readonly quiet?: boolean;
}

const ERASE_LINE = "\r\x1b[K";

export function createProgress(
  stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number },
  options: ProgressOptions = {},
): Progress {
  if (options.quiet) return { stage: () => undefined, done: () => undefined };
  if (!stream.isTTY) return { stage: (text) => stream.write(`sawmill: ${text}\n`), done: () => undefined };
  let shown = false;
  return {
    stage(text) {
      const width = Math.max(20, (stream.columns || 80) - 1);
      stream.write(`${ERASE_LINE}sawmill: ${text}`.slice(0, width + ERASE_LINE.length));
      shown = true;
    },
    done() {
      if (shown) stream.write(ERASE_LINE);
      shown = false;
    },
  };
}
