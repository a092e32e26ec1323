/**
 * One-shot runs: boot a Machine, collect everything until it ends, always tear it down.
 *
 * Layer: host, @sawmill/emulator. Shared by bootMultiboot and bootDisk.
 *
 * A run ends at the first of: the exit port (exitCode set), the CPU halted with interrupts
 * disabled, the instruction budget (`maxInstructions`), or the wall-clock `timeoutMs`
 * (default 30 s). The last two set `timedOut`. The emulator is destroyed in every case,
 * including when booting throws.
 */
import { Machine, type MachineEnd, type MachineOptions } from "./machine.js";

export interface BootResult {
  /** Code written to the exit port, or null if the guest never exited. */
  readonly exitCode: number | null;
  /** Everything the guest wrote to COM1. */
  readonly serial: string;
  /** Values written to the value port, in order. */
  readonly values: number[];
  /** Markers in order, each with the instruction count at its `out` (inclusive). */
  readonly markers: { id: number; instructions: number }[];
  /** Instructions executed until the run ended (exact when it ended by exit). */
  readonly instructions: number;
  /** True when the wall-clock timeout or the instruction budget ended the run. */
  readonly timedOut: boolean;
  /** Why the run ended. */
  readonly reason: "exit" | "halted" | "instruction-limit" | "timeout";
}

export interface RunOptions {
  /** Wall-clock limit in ms (default 30 000); the emulator is destroyed when it passes. */
  readonly timeoutMs?: number;
  /** Streams COM1 output as it arrives. */
  readonly onSerial?: (text: string) => void;
  /** Receives each Ethernet frame the guest's NE2000 transmits. */
  readonly onFrame?: (frame: Uint8Array) => void;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

export async function runToEnd(options: MachineOptions & RunOptions): Promise<BootResult> {
  const machine = await Machine.start(options);
  const serial: string[] = [];
  const values: number[] = [];
  const markers: { id: number; instructions: number }[] = [];
  machine.on("serial", (text) => {
    if (machine.end !== null) return;
    serial.push(text);
    options.onSerial?.(text);
  });
  machine.on("debug", (event) => {
    if (event.kind === "value") values.push(event.value);
    else markers.push({ id: event.id, instructions: event.instructions });
  });
  if (options.onFrame) machine.on("frame", options.onFrame);
  try {
    const end = await endOrTimeout(machine, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    return {
      exitCode: end.kind === "exit" ? end.code : null,
      serial: serial.join(""),
      values,
      markers,
      instructions: end.instructions,
      timedOut: end.kind === "timeout" || end.kind === "instruction-limit",
      reason: end.kind,
    };
  } finally {
    await machine.stop();
  }
}

type RunEnd = MachineEnd | { readonly kind: "timeout"; readonly instructions: number };

function endOrTimeout(machine: Machine, timeoutMs: number): Promise<RunEnd> {
  return new Promise((resolve) => {
    const timer = setTimeout(
      () => resolve({ kind: "timeout", instructions: machine.instructions() }),
      timeoutMs,
    );
    const settle = (end: RunEnd) => {
      clearTimeout(timer);
      resolve(end);
    };
    if (machine.end !== null) settle(machine.end);
    else machine.on("end", settle);
  });
}
