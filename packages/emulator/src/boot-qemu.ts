/**
 * bootQemu: boot a multiboot ELF in QEMU (qemu-system-i386, TCG) and collect what it reports;
 * bootQemuDisk: the same for a raw disk image (primary IDE master, booted by QEMU's SeaBIOS).
 *
 * Layer: host, @sawmill/emulator. The QEMU counterparts of bootMultiboot and bootDisk: same
 * guest, same debug ports, a result shaped like BootResult. Differences QEMU imposes:
 *  - instruction counts exist only for markers followed by a stamp (`rdtsc; out 0x52C, eax`,
 *    see debug-device.ts) and count from CPU reset, firmware included; `instructions` (the total)
 *    is always null;
 *  - a `cli; hlt` does not end the run (QEMU just sits): it ends at the timeout;
 *  - a reset or triple fault ends the run with reason "shutdown".
 * The run ends at the exit port, a shutdown, or `timeoutMs` (wall clock; QEMU is killed).
 * The temporary directory holding the kernel or disk is removed in every case.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BootResult, DEFAULT_TIMEOUT_MS, type RunOptions } from "./boot-result.js";
import { QEMU_BINARY, type QemuFiles, qemuArguments } from "./qemu-command.js";
import { parseDebugWrite, QemuDebugLog, type QemuMarker } from "./qemu-debug-trace.js";

export interface QemuOptions extends Omit<RunOptions, "onFrame"> {
  /** Guest RAM in MiB (default 32). */
  readonly memoryMiB?: number;
  /** `-icount shift=0,sleep=off`: rdtsc counts instructions, markers get counts (default true). */
  readonly icount?: boolean;
  /** Becomes the single multiboot module. */
  readonly initrd?: Uint8Array;
  /** Multiboot command line. */
  readonly cmdline?: string;
  /** Default "qemu-system-i386" (found on PATH). */
  readonly binary?: string;
  /** Appended to the command line, e.g. devices. */
  readonly extraArgs?: readonly string[];
}

export interface QemuBootResult extends Omit<BootResult, "markers" | "instructions" | "reason"> {
  readonly markers: readonly QemuMarker[];
  /** QEMU cannot report the total; always null. */
  readonly instructions: null;
  readonly reason: "exit" | "shutdown" | "timeout";
}

/** Options of a disk boot: no multiboot module or command line. */
export type QemuDiskOptions = Omit<QemuOptions, "initrd" | "cmdline">;

export function bootQemu(elf: Uint8Array, options: QemuOptions = {}): Promise<QemuBootResult> {
  return bootWith((directory) => writeInputs(directory, elf, options.initrd), options);
}

/** Boots `disk` as a raw IDE disk (`-drive file=…,format=raw,if=ide`); guest writes are discarded. */
export function bootQemuDisk(disk: Uint8Array, options: QemuDiskOptions = {}): Promise<QemuBootResult> {
  return bootWith(async (directory) => {
    const file = join(directory, "disk.img");
    await writeFile(file, disk);
    return { disk: file };
  }, options);
}

async function bootWith(
  write: (directory: string) => Promise<QemuFiles>,
  options: QemuOptions,
): Promise<QemuBootResult> {
  const directory = await mkdtemp(join(tmpdir(), "sawmill-qemu-"));
  try {
    const files = await write(directory);
    const settings = { memoryMiB: options.memoryMiB ?? 32, icount: options.icount ?? true };
    const args = qemuArguments(files, {
      ...settings,
      cmdline: options.cmdline,
      extraArgs: options.extraArgs,
    });
    const binary = options.binary ?? QEMU_BINARY;
    const child = spawn(binary, args, { stdio: ["ignore", "pipe", "pipe"] });
    return await run(child, { ...options, binary, icount: settings.icount });
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

async function writeInputs(directory: string, elf: Uint8Array, initrd?: Uint8Array): Promise<QemuFiles> {
  const kernel = join(directory, "kernel.elf");
  await writeFile(kernel, elf);
  if (initrd === undefined) return { kernel };
  const module = join(directory, "initrd.bin");
  await writeFile(module, initrd);
  return { kernel, initrd: module };
}

function run(
  child: ChildProcess,
  options: QemuOptions & { binary: string; icount: boolean },
): Promise<QemuBootResult> {
  const log = new QemuDebugLog(options.icount);
  const serial = collectSerial(child, options.onSerial);
  const diagnostics = collectTrace(child, log);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill("SIGKILL");
  }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  return new Promise((resolve, reject) => {
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    // "close", not "exit": both pipes are drained, so every serial byte and trace line is in.
    child.on("close", (status) => {
      clearTimeout(timer);
      const reason = log.exitCode !== null ? "exit" : timedOut ? "timeout" : status === 0 ? "shutdown" : null;
      if (reason === null)
        reject(new Error(`${options.binary} failed (status ${status}):\n${diagnostics.join("\n")}`));
      else resolve(result(log, serial.text(), reason));
    });
  });
}

function result(log: QemuDebugLog, serial: string, reason: QemuBootResult["reason"]): QemuBootResult {
  return {
    exitCode: log.exitCode,
    serial,
    values: log.values,
    markers: log.markers,
    instructions: null,
    timedOut: reason === "timeout",
    reason,
  };
}

function collectSerial(child: ChildProcess, onSerial?: (text: string) => void): { text(): string } {
  const decoder = new TextDecoder();
  const parts: string[] = [];
  child.stdout?.on("data", (chunk: Buffer) => {
    const text = decoder.decode(chunk, { stream: true });
    if (text === "") return;
    parts.push(text);
    onSerial?.(text);
  });
  return { text: () => parts.join("") };
}

/** Feeds debug writes to `log`; returns the other stderr lines (QEMU's own messages). */
function collectTrace(child: ChildProcess, log: QemuDebugLog): string[] {
  const diagnostics: string[] = [];
  let pending = "";
  child.stderr?.setEncoding("utf8");
  child.stderr?.on("data", (chunk: string) => {
    const lines = (pending + chunk).split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) {
      const write = parseDebugWrite(line);
      if (write !== null) log.apply(write);
      else if (!line.includes("memory_region_ops_write")) diagnostics.push(line);
    }
  });
  return diagnostics;
}
