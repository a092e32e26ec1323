import type { MachineEnd } from "@sawmill/emulator";
import { describe, expect, it } from "vitest";
import { CTRL_A } from "../src/escape-keys.js";
import { attachConsole, type ConsoleMachine } from "../src/serial-console.js";
import { memoryIo } from "./memory-io.js";

/** A machine stand-in: records what the console sends, lets the test emit serial text and ends. */
function fakeMachine() {
  const listeners = { serial: new Set<(t: string) => void>(), end: new Set<(e: MachineEnd) => void>() };
  const sent: string[] = [];
  const machine = {
    end: null,
    on(event: "serial" | "end", listener: (value: never) => void) {
      const set = listeners[event] as Set<typeof listener>;
      set.add(listener);
      return () => set.delete(listener);
    },
    sendSerial: (text: string) => sent.push(text),
  } as unknown as ConsoleMachine;
  return {
    machine,
    sent,
    serial: (text: string) => {
      for (const l of listeners.serial) l(text);
    },
    finish: (end: MachineEnd) => {
      for (const l of listeners.end) l(end);
    },
    listenerCount: () => listeners.serial.size + listeners.end.size,
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("attachConsole", () => {
  it("writes the guest's output and ends with the machine, releasing every listener", async () => {
    const fake = fakeMachine();
    const io = memoryIo();
    const session = attachConsole(fake.machine, io);
    fake.serial("hello\n");
    fake.finish({ kind: "exit", code: 66, instructions: 1234 });
    expect(await session).toEqual({ kind: "machine", end: { kind: "exit", code: 66, instructions: 1234 } });
    expect(io.out()).toBe("hello\n");
    expect(fake.listenerCount()).toBe(0);
    expect(io.input.listenerCount("data")).toBe(0);
    expect(io.input.isPaused()).toBe(true);
  });

  it("forwards piped input byte for byte (no escape keys) and keeps running after its end", async () => {
    const fake = fakeMachine();
    const io = memoryIo();
    const session = attachConsole(fake.machine, io);
    io.input.end(`help\n${CTRL_A}x`);
    await tick();
    expect(fake.sent.join("")).toBe(`help\n${CTRL_A}x`);
    fake.finish({ kind: "halted", instructions: 1 });
    expect((await session).kind).toBe("machine");
    expect(io.rawModes).toEqual([]);
  });

  it("on a terminal: raw mode, keys to the guest, Ctrl-A x quits and restores the terminal", async () => {
    const fake = fakeMachine();
    const io = memoryIo({ tty: true });
    const session = attachConsole(fake.machine, io);
    io.input.write("ls\r");
    await tick();
    io.input.write(`${CTRL_A}x`);
    expect(await session).toEqual({ kind: "quit", by: "keys" });
    expect(fake.sent).toEqual(["ls\r"]);
    expect(io.rawModes).toEqual([true, false]);
  });

  it("quits on SIGINT", async () => {
    const fake = fakeMachine();
    const before = process.listenerCount("SIGINT");
    const session = attachConsole(fake.machine, memoryIo());
    process.emit("SIGINT");
    expect(await session).toEqual({ kind: "quit", by: "SIGINT" });
    expect(process.listenerCount("SIGINT")).toBe(before);
  });
});
