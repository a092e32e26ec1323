import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import {
  bootMultiboot,
  bootQemu,
  DEBUG_STAMP_PORT,
  instructionsBetween,
  qemuAvailable,
} from "../src/index.js";
import { qemuArguments } from "../src/qemu-command.js";
import { parseDebugWrite, QemuDebugLog } from "../src/qemu-debug-trace.js";
import { multibootInfoGuest } from "./assembled-guests.js";
import { countedMarker, exit, marker, multibootGuest, printSerial, value, x86 } from "./guest.js";

const trace = (port: number, value: number, size: number, name: string) =>
  `memory_region_ops_write cpu 0 mr 0x55d0 addr 0x${port.toString(16)} value 0x${value.toString(16)} size ${size} name '${name}'`;

describe("QEMU debug trace", () => {
  it("reads the debug ports from trace lines and ignores other writes", () => {
    expect(parseDebugWrite(trace(0x528, 0xffffffff, 4, "io"))).toEqual({ kind: "value", value: 0xffffffff });
    expect(parseDebugWrite(`123@1.5:${trace(0x524, 7, 1, "io")}`)).toEqual({ kind: "marker", value: 7 });
    expect(parseDebugWrite(trace(0x520, 300, 4, "isa-debug-exit"))).toEqual({ kind: "exit", value: 300 });
    expect(parseDebugWrite(trace(DEBUG_STAMP_PORT, 9, 4, "io"))).toEqual({ kind: "stamp", value: 9 });
    expect(parseDebugWrite(trace(0x3f8, 0x41, 1, "serial"))).toBeNull();
    // 0x520 without isa-debug-exit behind it is not an exit.
    expect(parseDebugWrite(trace(0x520, 1, 4, "io"))).toBeNull();
  });

  it("gives a marker the count of the stamp after it, across the 32-bit wrap", () => {
    const log = new QemuDebugLog(true);
    log.apply({ kind: "marker", value: 1 });
    log.apply({ kind: "stamp", value: 0xfffffff0 });
    log.apply({ kind: "marker", value: 2 });
    log.apply({ kind: "stamp", value: 0x10 });
    log.apply({ kind: "stamp", value: 0x20 }); // no marker waiting: only advances the count
    log.apply({ kind: "marker", value: 3 });
    expect(log.markers).toEqual([
      { id: 1, instructions: 0xfffffff0 },
      { id: 2, instructions: 2 ** 32 + 0x10 },
      { id: 3, instructions: null },
    ]);
  });

  it("builds the documented command line", () => {
    const args = qemuArguments({ kernel: "/k.elf" }, { memoryMiB: 16, icount: true, cmdline: "a b" });
    expect(args.join(" ")).toBe(
      "-kernel /k.elf -append a b -display none -serial stdio -monitor none -nic none -m 16 -no-reboot " +
        "-icount shift=0,sleep=off -device isa-debug-exit,iobase=0x520,iosize=4 -trace enable=memory_region_ops_write",
    );
    expect(qemuArguments({ kernel: "/k.elf" }, { memoryMiB: 16, icount: false })).not.toContain("-icount");
    const disk = qemuArguments({ disk: "/d.img" }, { memoryMiB: 16, icount: false });
    expect(disk.slice(0, 2)).toEqual(["-drive", "file=/d.img,format=raw,if=ide"]);
    expect(disk).not.toContain("-kernel");
  });
});

describe.skipIf(!qemuAvailable())("bootQemu", () => {
  const reporter = multibootGuest([
    ...printSerial("Hi\n"),
    ...value(7),
    ...value(0xffffffff),
    ...countedMarker(5),
    ...exit(300),
    ...x86.hlt(),
  ]);

  it("captures serial output, values, markers and the full exit code", async () => {
    const streamed: string[] = [];
    const result = await bootQemu(reporter, { onSerial: (text) => streamed.push(text), timeoutMs: 20_000 });
    expect(result.serial).toBe("Hi\n");
    expect(streamed.join("")).toBe("Hi\n");
    expect(result.values).toEqual([7, 0xffffffff]);
    expect(result.exitCode).toBe(300);
    expect(result.reason).toBe("exit");
    expect(result.timedOut).toBe(false);
    expect(result.markers.map((m) => m.id)).toEqual([5]);
    expect(result.markers[0]?.instructions).toBeGreaterThan(0);
    expect(result.instructions).toBeNull();
  });

  it("reports the same serial, values, exit code and markers as v86 for the same binary", async () => {
    const [qemu, v86] = [await bootQemu(reporter, { timeoutMs: 20_000 }), await bootMultiboot(reporter)];
    expect(qemu.serial).toBe(v86.serial);
    expect(qemu.values).toEqual(v86.values);
    expect(qemu.exitCode).toBe(v86.exitCode);
    expect(qemu.markers.map((m) => m.id)).toEqual(v86.markers.map((m) => m.id));
  });

  it("counts the instructions between two stamped markers exactly, as v86 does", async () => {
    const straightLine = [
      ...x86.movEcx(3),
      ...x86.nop(),
      ...x86.incEbx(),
      ...x86.decEcx(),
      ...printSerial("x"),
    ];
    const elf = multibootGuest([...countedMarker(1), ...straightLine, ...countedMarker(2), ...exit(0)]);
    // After marker 1's out: its stamp (rdtsc, mov dx, out), 4 + 3 straight-line instructions,
    // marker 2's mov eax, mov dx, out.
    const expected = 3 + 7 + 3;
    const runs = [await bootQemu(elf, { timeoutMs: 20_000 }), await bootQemu(elf, { timeoutMs: 20_000 })];
    const v86 = await bootMultiboot(elf);
    expect(instructionsBetween(v86.markers, 1, 2)).toBe(expected);
    for (const run of runs) expect(instructionsBetween(run.markers, 1, 2)).toBe(expected);
    // QEMU counts from CPU reset (SeaBIOS and the multiboot loader first), v86 from the
    // kernel's entry: the absolute counts differ by that fixed, repeatable prefix.
    const prefix = (runs[0]?.markers[0]?.instructions ?? 0) - (v86.markers[0]?.instructions ?? 0);
    expect(prefix).toBeGreaterThan(0);
    expect((runs[1]?.markers[0]?.instructions ?? 0) - (v86.markers[0]?.instructions ?? 0)).toBe(prefix);
  });

  it("leaves markers uncounted without a stamp or without icount", async () => {
    const elf = multibootGuest([...marker(1), ...countedMarker(2), ...exit(0)]);
    const counted = await bootQemu(elf, { timeoutMs: 20_000 });
    expect(counted.markers.map((m) => m.instructions === null)).toEqual([true, false]);
    const free = await bootQemu(elf, { icount: false, timeoutMs: 20_000 });
    expect(free.markers).toEqual([
      { id: 1, instructions: null },
      { id: 2, instructions: null },
    ]);
  });

  it("passes the module and command line like v86 (but with the kernel's name first)", async () => {
    const initrd = Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const options = { initrd, cmdline: "abcdef" };
    const [qemu, v86] = [
      await bootQemu(multibootInfoGuest(), options),
      await bootMultiboot(multibootInfoGuest(), options),
    ];
    // flags, module count, module size, module's first dword, cmdline bytes 0–3 and 4
    expect(v86.values.slice(1, 4)).toEqual([1, 9, 0x04030201]);
    expect(qemu.values.slice(1, 4)).toEqual([1, 9, 0x04030201]);
    expect(qemu.values[0]).toBe(0x24f); // v86: 0x4c (cmdline, modules, memory map)
    // QEMU's cmdline is "<kernel file> abcdef", and bootQemu's kernel file is under tmpdir().
    expect(qemu.values[4]).toBe(Buffer.from(tmpdir()).readUInt32LE(0));
  });

  it("ends with reason shutdown when the guest resets the machine", async () => {
    // Keyboard-controller pulse of the reset line; -no-reboot turns the reset into an exit.
    const result = await bootQemu(
      multibootGuest([...printSerial("r"), ...x86.movAl(0xfe), ...x86.outImmAl(0x64)]),
      {
        timeoutMs: 20_000,
      },
    );
    expect(result).toMatchObject({ reason: "shutdown", exitCode: null, serial: "r", timedOut: false });
  });

  it("kills QEMU at the timeout when the guest halts for good", async () => {
    const result = await bootQemu(multibootGuest([...value(1), ...x86.cli(), ...x86.hlt()]), {
      timeoutMs: 1_500,
    });
    expect(result).toMatchObject({ reason: "timeout", timedOut: true, exitCode: null, values: [1] });
  });

  it("rejects when QEMU cannot start the guest", async () => {
    await expect(bootQemu(reporter, { extraArgs: ["-no-such-option"] })).rejects.toThrow(/failed/);
  });
});
