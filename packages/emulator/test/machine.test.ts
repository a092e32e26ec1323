import { describe, expect, it } from "vitest";
import { bootMultiboot, Machine, type MachineEnd } from "../src/index.js";
import { multibootInfoGuest, ne2000EchoGuest, serialEchoGuest } from "./assembled-guests.js";
import { exit, multibootGuest, value } from "./guest.js";

function ended(machine: Machine): Promise<MachineEnd> {
  return new Promise((resolve) => {
    if (machine.end) resolve(machine.end);
    else machine.on("end", resolve);
  });
}

function valuesOf(machine: Machine): number[] {
  const values: number[] = [];
  machine.on("debug", (event) => {
    if (event.kind === "value") values.push(event.value);
  });
  return values;
}

describe("Machine", () => {
  it("carries Ethernet frames both ways through the NE2000", async () => {
    const request = Uint8Array.from({ length: 64 }, (_, i) => (i < 6 ? 0xff : i));
    const reply = Uint8Array.from({ length: 64 }, (_, i) => (i < 6 ? 0xff : 0x80 + i));
    const machine = await Machine.start({ multiboot: ne2000EchoGuest(request, reply.length) });
    const values = valuesOf(machine);
    const sent: Uint8Array[] = [];
    machine.on("frame", (frame) => {
      sent.push(frame.slice());
      machine.sendFrame(reply);
    });
    try {
      const end = await ended(machine);
      expect(end.kind).toBe("exit");
      expect(sent).toEqual([request]);
      expect(values.slice(4)).toEqual(Array.from(reply));
    } finally {
      await machine.stop();
    }
  });

  it("types serial input into COM1", async () => {
    const machine = await Machine.start({ multiboot: serialEchoGuest(3) });
    const values = valuesOf(machine);
    try {
      machine.sendSerial("hi!");
      await ended(machine);
      expect(values).toEqual([..."hi!"].map((c) => c.charCodeAt(0)));
    } finally {
      await machine.stop();
    }
  });
});

describe("Machine checks and inspection", () => {
  it("refuses a file without a multiboot header", async () => {
    await expect(Machine.start({ multiboot: new Uint8Array(9000) })).rejects.toThrow(
      "not a multiboot kernel",
    );
  });

  it("reads guest memory", async () => {
    const code = [...value(1), ...exit(0)];
    const machine = await Machine.start({ multiboot: multibootGuest(code) });
    try {
      await ended(machine);
      expect(Array.from(machine.readMemory(0x100000, code.length))).toEqual(code);
    } finally {
      await machine.stop();
    }
  });
});

describe("bootMultiboot boot information", () => {
  it("passes initrd as the one module and the command line", async () => {
    const initrd = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7) & 0xff);
    const result = await bootMultiboot(multibootInfoGuest(), { initrd, cmdline: "root=x", memoryMiB: 64 });
    expect(result.exitCode).toBe(0);
    const [flags, moduleCount, moduleSize, firstDword, cmdline, fifthChar] = result.values;
    expect(flags & 0x8).toBe(0x8);
    expect(flags & 0x4).toBe(0x4);
    expect(moduleCount).toBe(1);
    expect(moduleSize).toBe(5000);
    expect(firstDword).toBe(new DataView(initrd.buffer).getUint32(0, true));
    expect(cmdline).toBe(new DataView(new TextEncoder().encode("root").buffer).getUint32(0, true));
    expect(String.fromCharCode(fifthChar)).toBe("=");
  });
});
