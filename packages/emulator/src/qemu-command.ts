/**
 * The QEMU command line for a multiboot or a disk boot, and whether a usable QEMU is installed.
 *
 * Layer: host, @sawmill/emulator. Interface: qemuArguments(files, settings) → argv (without
 * the binary), qemuAvailable(binary?) → boolean.
 *
 * Invariants: COM1 is the process's stdout, the debug trace its stderr, there is no monitor,
 * no display, no NIC and no reboot (a reset or triple fault ends QEMU with status 0). The exit
 * port is QEMU's isa-debug-exit at 0x520 (4 ports wide so `out dx, eax` reaches it whole).
 */
import { spawnSync } from "node:child_process";
import { DEBUG_EXIT_PORT } from "./debug-device.js";

export const QEMU_BINARY = "qemu-system-i386";

/** The trace event qemu-debug-trace.ts reads the debug ports from. */
export const DEBUG_TRACE_EVENT = "memory_region_ops_write";

/** A multiboot kernel (with its module), or a raw disk image (the primary IDE master). */
export interface QemuFiles {
  readonly kernel?: string;
  readonly initrd?: string;
  readonly disk?: string;
}

export interface QemuSettings {
  readonly memoryMiB: number;
  readonly icount: boolean;
  readonly cmdline?: string;
  readonly extraArgs?: readonly string[];
}

export function qemuArguments(files: QemuFiles, settings: QemuSettings): string[] {
  return [
    ...(files.kernel === undefined ? [] : ["-kernel", files.kernel]),
    ...(files.disk === undefined ? [] : ["-drive", `file=${files.disk},format=raw,if=ide`]),
    ...(files.initrd === undefined ? [] : ["-initrd", files.initrd]),
    ...(settings.cmdline === undefined ? [] : ["-append", settings.cmdline]),
    ...["-display", "none", "-serial", "stdio", "-monitor", "none", "-nic", "none"],
    ...["-m", String(settings.memoryMiB), "-no-reboot"],
    ...(settings.icount ? ["-icount", "shift=0,sleep=off"] : []),
    ...["-device", `isa-debug-exit,iobase=0x${DEBUG_EXIT_PORT.toString(16)},iosize=4`],
    ...["-trace", `enable=${DEBUG_TRACE_EVENT}`],
    ...(settings.extraArgs ?? []),
  ];
}

const availability = new Map<string, boolean>();

/** True when `binary` runs and its build can trace port writes (checked once per binary). */
export function qemuAvailable(binary: string = QEMU_BINARY): boolean {
  let known = availability.get(binary);
  if (known === undefined) {
    const probe = spawnSync(binary, ["-trace", "help"], { encoding: "utf8", timeout: 10_000 });
    known = probe.status === 0 && probe.stdout.includes(DEBUG_TRACE_EVENT);
    availability.set(binary, known);
  }
  return known;
}
