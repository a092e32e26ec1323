/**
 * The codegen benchmark's kernels and the contract every kernel implements on both sides.
 *
 * Layer: benchmark definition. Each kernel is a pair kernels/<name>.ts (AssemblyScript) and
 * kernels/<name>.c (C) exporting, with the cdecl ABI:
 *   setup(): void   — fills the kernel's static data deterministically (unmeasured);
 *   run(): i32      — the measured work; its result must be equal on both sides;
 *   digest(): i32   — FNV-1a over the kernel's data after the run (unmeasured), equal on both sides.
 * The harness calls them in that order in one machine; markers RUN_MARKER and RUN_MARKER + 1
 * are written immediately before and after the call to run.
 */

import { fileURLToPath } from "node:url";
import type { Call } from "@sawmill/bare-runtime";

export const KERNEL_NAMES = ["copy", "checksum", "crc32", "sort", "lexer", "list", "mix64"] as const;
export type KernelName = (typeof KERNEL_NAMES)[number];

export const KERNEL_DIRECTORY = fileURLToPath(new URL("../kernels/", import.meta.url));

export function kernelSource(name: KernelName, language: "ts" | "c"): string {
  return `${KERNEL_DIRECTORY}${name}.${language}`;
}

export const RUN_MARKER = 0x100;

export const KERNEL_EXPORTS = [
  { name: "setup", params: [], results: [] },
  { name: "run", params: [], results: ["i32"] },
  { name: "digest", params: [], results: ["i32"] },
] as const;

export const KERNEL_CALLS: readonly Call[] = [
  { export: "setup", args: [] },
  { export: "run", args: [], marker: RUN_MARKER },
  { export: "digest", args: [] },
];
