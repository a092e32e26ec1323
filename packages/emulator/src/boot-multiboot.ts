/**
 * bootMultiboot: boot a multiboot ELF in v86 and collect what it reports.
 *
 * Layer: host, @sawmill/emulator. The one-shot wrapper around Machine (see boot-result.ts for
 * when a run ends and what it returns).
 */
import { type BootResult, type RunOptions, runToEnd } from "./boot-result.js";

export interface MultibootOptions extends RunOptions {
  /** Guest RAM in MiB (default 32; at least 64 when `initrd` is given). */
  readonly memoryMiB?: number;
  /** Becomes the single multiboot module. */
  readonly initrd?: Uint8Array;
  /** Multiboot command line. */
  readonly cmdline?: string;
  /** Time derived from executed instructions (repeatable timers); see clock.ts. */
  readonly virtualClock?: boolean | { readonly instructionsPerMs?: number };
  /** Stop (timedOut: true) after this many instructions. */
  readonly maxInstructions?: number;
  /** Attach a raw disk image as the primary IDE master; guest writes land in it. */
  readonly disk?: Uint8Array;
  readonly acpi?: boolean;
}

export function bootMultiboot(elf: Uint8Array, options: MultibootOptions = {}): Promise<BootResult> {
  return runToEnd({ ...options, multiboot: elf });
}
