/**
 * bootDisk: boot a raw disk image through a real BIOS (SeaBIOS) in v86.
 *
 * Layer: host, @sawmill/emulator. One-shot wrapper around Machine, like bootMultiboot: the image
 * is the primary IDE master, the BIOS loads its boot sector at 0x7C00. Guest writes land in
 * `disk` (visible to the caller once the promise resolves).
 *
 * Firmware: by default Debian's `seabios` package (/usr/share/seabios/bios.bin and
 * vgabios.bin; `apt-get install seabios`); pass `firmware` to use other ROMs.
 */
import { readFile } from "node:fs/promises";
import { type BootResult, type RunOptions, runToEnd } from "./boot-result.js";
import type { Firmware } from "./machine.js";

export const SEABIOS_DIRECTORY = "/usr/share/seabios";

export interface DiskBootOptions extends RunOptions {
  /** Guest RAM in MiB (default 32). */
  readonly memoryMiB?: number;
  /** BIOS and VGA BIOS ROMs (default: SeaBIOS from SEABIOS_DIRECTORY). */
  readonly firmware?: Firmware;
  readonly virtualClock?: boolean | { readonly instructionsPerMs?: number };
  readonly maxInstructions?: number;
  readonly acpi?: boolean;
}

export async function bootDisk(disk: Uint8Array, options: DiskBootOptions = {}): Promise<BootResult> {
  const firmware = options.firmware ?? (await loadSeaBios());
  return runToEnd({ ...options, disk, firmware });
}

/** Reads SeaBIOS's ROMs; the error says which package provides them. */
export async function loadSeaBios(directory = SEABIOS_DIRECTORY): Promise<Firmware> {
  try {
    const [bios, vgaBios] = await Promise.all([
      readFile(`${directory}/bios.bin`),
      readFile(`${directory}/vgabios.bin`),
    ]);
    return { bios: new Uint8Array(bios), vgaBios: new Uint8Array(vgaBios) };
  } catch (error) {
    throw new Error(
      `SeaBIOS not found in ${directory} (${(error as Error).message}); install it with: apt-get install seabios`,
    );
  }
}
