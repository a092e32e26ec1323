/**
 * Translates MachineOptions into the settings object v86's constructor takes.
 *
 * Layer: host, @sawmill/emulator (private). v86 wants whole ArrayBuffers; the disk buffer is
 * the caller's own when the array spans it (guest writes then land in place), else a copy that
 * Machine copies back on stop.
 */
import type { MachineOptions } from "./machine.js";
import { assertMultiboot } from "./multiboot-check.js";

const MEBIBYTE = 1 << 20;
export const DEFAULT_MEMORY_MIB = 32;

export interface V86Settings {
  readonly settings: Record<string, unknown>;
  /** The buffer v86 reads and writes as the IDE disk, if any. */
  readonly diskBuffer: ArrayBuffer | null;
}

export function v86Settings(options: MachineOptions, wasmPath: string): V86Settings {
  const settings: Record<string, unknown> = {
    wasm_path: wasmPath,
    memory_size: (options.memoryMiB ?? DEFAULT_MEMORY_MIB) * MEBIBYTE,
    autostart: false,
    disable_keyboard: true,
    disable_mouse: true,
    disable_speaker: true,
    acpi: options.acpi ?? false,
  };
  if (options.multiboot) {
    assertMultiboot(options.multiboot);
    settings.multiboot = { buffer: exactBuffer(options.multiboot) };
  }
  if (options.initrd) settings.initrd = { buffer: exactBuffer(options.initrd) };
  if (options.cmdline !== undefined) settings.cmdline = options.cmdline;
  if (options.firmware) {
    settings.bios = { buffer: exactBuffer(options.firmware.bios) };
    if (options.firmware.vgaBios) settings.vga_bios = { buffer: exactBuffer(options.firmware.vgaBios) };
  }
  const diskBuffer = options.disk ? sharedOrCopiedBuffer(options.disk) : null;
  if (diskBuffer) settings.hda = { buffer: diskBuffer };
  return { settings, diskBuffer };
}

/** An ArrayBuffer holding exactly `bytes`. */
function exactBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer;
}

/** The array's own buffer when it spans it (writes then land in place), else a copy. */
function sharedOrCopiedBuffer(bytes: Uint8Array): ArrayBuffer {
  const spansBuffer =
    bytes.buffer instanceof ArrayBuffer &&
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength;
  return spansBuffer ? (bytes.buffer as ArrayBuffer) : exactBuffer(bytes);
}
