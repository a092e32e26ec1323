/**
 * The streams a command talks through.
 *
 * Layer: CLI (host). Interface: `Io`, `processIo()`.
 * Why: commands take their streams as a value so the terminal bridge can be tested with fakes;
 * `main.ts` passes the process's own.
 */

export interface Io {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
}

export function processIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin };
}
