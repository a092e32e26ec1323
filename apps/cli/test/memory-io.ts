/**
 * Test helper: an `Io` whose stdout and stderr collect text, and whose stdin is a PassThrough
 * that can pretend to be a terminal (isTTY, setRawMode recorded).
 */
import { PassThrough, Writable } from "node:stream";
import type { Io } from "../src/io.js";

export interface MemoryIo extends Io {
  readonly out: () => string;
  readonly err: () => string;
  readonly input: PassThrough & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
  /** Every setRawMode call, in order. */
  readonly rawModes: boolean[];
}

export function memoryIo(options: { tty?: boolean } = {}): MemoryIo {
  const collect = () => {
    let text = "";
    const stream = new Writable({
      write(chunk, _encoding, done) {
        text += String(chunk);
        done();
      },
    });
    return { stream, text: () => text };
  };
  const stdout = collect();
  const stderr = collect();
  const rawModes: boolean[] = [];
  const input: MemoryIo["input"] = new PassThrough();
  if (options.tty) {
    input.isTTY = true;
    input.setRawMode = (raw: boolean) => rawModes.push(raw);
  }
  return {
    stdout: stdout.stream,
    stderr: stderr.stream,
    stdin: input,
    out: stdout.text,
    err: stderr.text,
    input,
    rawModes,
  };
}
