/**
 * A bootable system: the kernel plus a boot archive holding the root task and further entries.
 *
 * Layer: kernel, host side. Interface: `buildSystemImage({ root, entries })` → multiboot ELF
 * bytes (kernel, root task, boot archive in one file; same inputs, same bytes).
 */

import { buildBootImage, writeBootArchive } from "@sawmill/image";
import { buildKernel } from "./build-kernel.js";
import type { KernelEntryOptions } from "./entry/index.js";

export interface SystemImageInput {
  /** The root task's component ELF (archive entry "root"). */
  readonly root: Uint8Array;
  /** More archive entries: component ELFs, the boot manifest. */
  readonly entries?: readonly { name: string; bytes: Uint8Array }[];
  /** How the kernel is built (fast path on, off or instrumented); default: fast path on. */
  readonly kernel?: KernelEntryOptions;
}

export async function buildSystemImage(input: SystemImageInput): Promise<Uint8Array> {
  const kernel = await buildKernel(input.kernel);
  const archive = writeBootArchive([{ name: "root", bytes: input.root }, ...(input.entries ?? [])]);
  return buildBootImage({ kernel: kernel.image, archive });
}
