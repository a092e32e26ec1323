/**
 * `sawmill run <config.yaml> [--disk]`: build, then boot in v86 with the serial console here.
 *
 * Layer: CLI (host). Interface: `runCommand(file, flags, io) → exit code`.
 * Boots the multiboot ELF (or, with --disk, the raw disk image through SeaBIOS) with the memory
 * the configuration's `target.memory` names. The run ends when the guest writes the debug exit
 * port (0x520), halts for good, spends --max-instructions, or the user quits (serial-console.ts).
 * Clock: real time for interactive sessions (a virtual clock would spin while the guest waits for
 * keys); with --max-instructions the virtual clock, so that an idle guest's time jumps to its next
 * timer tick and the budget is reached — the run is then repeatable, instruction for instruction.
 * Exit code: the guest's code modulo 256; 3 without one; 0 when the user quits with the keys;
 * 130 / 143 on SIGINT / SIGTERM.
 */
import { readFileSync } from "node:fs";
import { loadSeaBios, Machine, type MachineOptions } from "@sawmill/emulator";
import { type BuildFlags, buildWithProgress } from "../build-step.js";
import { ExitCode } from "../exit-codes.js";
import type { Io } from "../io.js";
import { attachConsole, type ConsoleEnd } from "../serial-console.js";

export interface RunFlags extends BuildFlags {
  readonly disk?: boolean;
  readonly maxInstructions?: number;
}

const MIB = 1024 * 1024;

/** Quitting with the keys is how an interactive session ends; a signal came from outside. */
const QUIT_CODES = { keys: ExitCode.ok, SIGINT: ExitCode.interrupted, SIGTERM: ExitCode.terminated } as const;

export async function runCommand(file: string, flags: RunFlags, io: Io): Promise<number> {
  const built = await buildWithProgress(file, flags, io);
  const memoryMiB = Math.ceil(built.manifest.memory / MIB);
  const boot: MachineOptions = flags.disk
    ? { disk: new Uint8Array(readFileSync(built.files.disk)), firmware: await loadSeaBios() }
    : { multiboot: new Uint8Array(readFileSync(built.files.elf)) };
  if (!flags.quiet && io.stdin.isTTY) io.stderr.write("sawmill: booting in v86 — Ctrl-C or Ctrl-A x quits\n");
  const budget = flags.maxInstructions;
  const machine = await Machine.start({
    ...boot,
    memoryMiB,
    maxInstructions: budget,
    virtualClock: budget !== undefined,
  });
  let atLineStart = true;
  machine.on("serial", (text) => {
    atLineStart = text.endsWith("\n");
  });
  try {
    const end = await attachConsole(machine, io);
    if (!flags.quiet)
      io.stderr.write(`${atLineStart ? "" : "\n"}${describeEnd(end, machine.instructions())}\n`);
    return exitCodeOf(end);
  } finally {
    await machine.stop();
  }
}

function exitCodeOf(end: ConsoleEnd): number {
  if (end.kind === "quit") return QUIT_CODES[end.by];
  return end.end.kind === "exit" ? end.end.code & 0xff : ExitCode.noGuestExit;
}

function describeEnd(end: ConsoleEnd, instructions: number): string {
  const after = `after ${instructions.toLocaleString("en-US")} instructions`;
  if (end.kind === "quit") return `[sawmill: quit (${end.by}) ${after}]`;
  const e = end.end;
  if (e.kind === "exit") return `[guest exited with code ${e.code} (0x${e.code.toString(16)}) ${after}]`;
  if (e.kind === "halted") return `[guest halted with interrupts off, no exit code, ${after}]`;
  return `[instruction limit reached, no exit code, ${after}]`;
}
