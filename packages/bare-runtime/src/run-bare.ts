/**
 * Runs calls into a compiled module on the bare machine (v86) and reports them like Node would.
 *
 * Layer: bare-runtime host side, the x86 half of differential testing (run-node.ts is the other).
 * Interface: `runOnBareMetal(module, calls, options)` boots one image that runs the module's start
 * function and then every call in order, in one machine: memory and globals carry over from call to
 * call, as in one Node instance. A trap ends only its own call.
 *
 * Throws when the machine stops before reporting every call (timeout, runaway guest), with the
 * results so far and the serial output in the message.
 */

import { bootMultiboot } from "@sawmill/emulator";
import { type BareImageOptions, buildBareImage } from "./bare-image.js";
import type { BareModule, Call, CallResult } from "./call.js";
import { decodeValues } from "./protocol.js";

export interface BareRunOptions extends BareImageOptions {
  /** Hard wall-clock limit for the whole run (default 60 s). */
  readonly timeoutMs?: number;
  /** Stop after this many guest instructions (a runaway loop then fails the run quickly). */
  readonly maxInstructions?: number;
  readonly onSerial?: (text: string) => void;
}

export interface BareRun {
  /** One result per call, in order. */
  readonly results: CallResult[];
  readonly serial: string;
  /** Markers written around calls that asked for them (`Call.marker`). */
  readonly markers: readonly { readonly id: number; readonly instructions: number }[];
  /** Guest instructions executed by the whole run (boot included). */
  readonly instructions: number;
}

export async function runOnBareMetal(
  module: BareModule,
  calls: readonly Call[],
  options: BareRunOptions = {},
): Promise<BareRun> {
  const image = buildBareImage(module, calls, options);
  const boot = await bootMultiboot(image.elf, {
    memoryMiB: image.memoryMiB,
    timeoutMs: options.timeoutMs ?? 60_000,
    ...(options.maxInstructions === undefined ? {} : { maxInstructions: options.maxInstructions }),
    ...(options.onSerial === undefined ? {} : { onSerial: options.onSerial }),
  });
  const { results, complete } = decodeValues(boot.values, image.plan);
  const [start, ...callResults] = results;
  if (start !== undefined && "trap" in start) {
    throw new Error(`start function trapped: ${start.trap}\nserial:\n${boot.serial}`);
  }
  if (!complete || boot.exitCode !== 0) {
    const why = boot.timedOut ? "timed out" : `stopped with exit code ${boot.exitCode}`;
    throw new Error(
      `bare run ${why} after ${callResults.length} of ${calls.length} calls ` +
        `(next: ${image.plan[results.length]?.label ?? "none"})\nresults: ${stringify(callResults)}\nserial:\n${boot.serial}`,
    );
  }
  return {
    results: callResults,
    serial: boot.serial,
    markers: boot.markers,
    instructions: boot.instructions,
  };
}

function stringify(value: unknown): string {
  return JSON.stringify(value, (_, v) => (typeof v === "bigint" ? `${v}n` : v));
}
