/**
 * Links the runtime, a call table and a compiled module into a bootable multiboot ELF.
 *
 * Layer: bare-runtime host side. Interface: `buildBareImage(module, calls, options)` returns the
 * ELF, the RAM it needs and the call plan (used to decode results). The module must have been
 * compiled for the same `memoryBase` (default DEFAULT_MEMORY_BASE).
 */

import { link, writeMultibootElf } from "@sawmill/image";
import type { X86Object } from "@sawmill/x86";
import type { BareModule, Call } from "./call.js";
import { assembleCallTable, type PlannedCall, planCalls } from "./call-table.js";
import { DEFAULT_MAX_MEMORY_PAGES, DEFAULT_MEMORY_BASE, IMAGE_BASE, requiredMemoryMiB } from "./machine.js";
import { assembleRuntime } from "./runtime/index.js";
import { ENTRY } from "./runtime/symbols.js";

export interface BareImageOptions {
  /** Address of linear memory; must equal the `memoryBase` the module was compiled with. */
  readonly memoryBase?: number;
  /** Cap on linear memory in pages (memory.grow fails beyond it), default 1024 (64 MiB). */
  readonly maxMemoryPages?: number;
  /** More objects to link (e.g. code the module imports beyond the runtime's host imports). */
  readonly extraObjects?: readonly X86Object[];
}

export interface BareImage {
  readonly elf: Uint8Array;
  /** Guest RAM to boot it with. */
  readonly memoryMiB: number;
  /** The start call followed by one entry per test call, as the driver runs them. */
  readonly plan: readonly PlannedCall[];
  readonly symbols: ReadonlyMap<string, number>;
}

export function buildBareImage(
  module: BareModule,
  calls: readonly Call[],
  options: BareImageOptions = {},
): BareImage {
  const memoryBase = options.memoryBase ?? DEFAULT_MEMORY_BASE;
  const cap = options.maxMemoryPages ?? DEFAULT_MAX_MEMORY_PAGES;
  const initialPages = module.memory?.initialPages ?? 0;
  const limitPages = Math.min(module.memory?.maxPages ?? cap, cap);
  if (initialPages > cap) throw new Error(`module needs ${initialPages} pages, above the cap of ${cap}`);
  const plan = planCalls(module, calls);
  // The runtime goes last: its text, rodata and data are never empty, so each segment ends with it.
  const objects = [
    assembleCallTable(plan),
    module.object,
    ...(options.extraObjects ?? []),
    assembleRuntime({ memoryBase, initialPages, limitPages }),
  ];
  const image = link(objects, { base: IMAGE_BASE, entry: ENTRY });
  const imageEnd = Math.max(
    ...image.segments.filter((s) => s.address < memoryBase).map((s) => s.address + s.memSize),
  );
  if (imageEnd > memoryBase) throw new Error(`image (to 0x${imageEnd.toString(16)}) overlaps linear memory`);
  return {
    elf: writeMultibootElf(image),
    memoryMiB: requiredMemoryMiB(memoryBase, cap),
    plan,
    symbols: image.symbols,
  };
}
