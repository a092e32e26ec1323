/**
 * The guest's serial console on this terminal: COM1 output to stdout, stdin to COM1.
 *
 * Layer: CLI (host). Interface: `attachConsole(machine, io, options) → Promise<ConsoleEnd>`.
 * When stdin is a terminal it is put in raw mode (keys go to the guest as typed; Ctrl-C and
 * Ctrl-A x quit, see escape-keys.ts) and always restored. Piped stdin is forwarded byte for byte
 * and its end changes nothing (the guest may still be talking); SIGINT and SIGTERM quit.
 * Invariant: when the promise settles, stdin is released and the signal handlers are removed,
 * so nothing keeps the process alive; the caller stops the machine.
 */
import type { Machine, MachineEnd } from "@sawmill/emulator";
import { EscapeKeys } from "./escape-keys.js";
import type { Io } from "./io.js";

export type ConsoleEnd =
  | { readonly kind: "machine"; readonly end: MachineEnd }
  | { readonly kind: "quit"; readonly by: "keys" | "SIGINT" | "SIGTERM" };

/** What the console needs of a machine (Machine itself, or a fake in tests). */
export type ConsoleMachine = Pick<Machine, "on" | "sendSerial" | "end">;

export function attachConsole(machine: ConsoleMachine, io: Io): Promise<ConsoleEnd> {
  return new Promise((resolve) => {
    const cleanups: (() => void)[] = [];
    const finish = (end: ConsoleEnd) => {
      for (const cleanup of cleanups.splice(0)) cleanup();
      resolve(end);
    };
    cleanups.push(machine.on("serial", (text) => io.stdout.write(text)));
    cleanups.push(machine.on("end", (end) => finish({ kind: "machine", end })));
    cleanups.push(forwardInput(machine, io, () => finish({ kind: "quit", by: "keys" })));
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      const onSignal = () => finish({ kind: "quit", by: signal });
      process.on(signal, onSignal);
      cleanups.push(() => process.off(signal, onSignal));
    }
    if (machine.end) finish({ kind: "machine", end: machine.end });
  });
}

/** Reads stdin into the guest; returns the function that stops reading and restores the terminal. */
function forwardInput(machine: ConsoleMachine, io: Io, quit: () => void): () => void {
  const stdin = io.stdin;
  const raw = stdin.isTTY === true && typeof stdin.setRawMode === "function";
  const keys = raw ? new EscapeKeys() : null;
  const onData = (chunk: Buffer | string) => {
    const text = typeof chunk === "string" ? chunk : chunk.toString("latin1");
    const { send, quit: wantsQuit } = keys ? keys.feed(text) : { send: text, quit: false };
    if (send.length > 0) machine.sendSerial(send);
    if (wantsQuit) quit();
  };
  if (raw) stdin.setRawMode?.(true);
  stdin.on("data", onData);
  stdin.resume();
  return () => {
    stdin.off("data", onData);
    stdin.pause();
    if (raw) stdin.setRawMode?.(false);
  };
}
