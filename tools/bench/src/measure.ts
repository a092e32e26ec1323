/**
 * Runs one kernel module in v86 through the bare runtime and reads off its figures.
 *
 * Layer: benchmark tooling, host side. Interface: `measureKernel(module, extraObjects)` →
 * KernelRun; `referenceRun(wasm)` gives the same figures from Node's WebAssembly (without
 * instructions), the yardstick both x86 versions are checked against.
 * The instruction count is the difference between the markers written immediately before and
 * after the call to run — the call itself, the kernel and the return, plus the few driver
 * instructions that write the second marker (identical for both versions).
 */

import { type BareModule, type CallResult, runInNode, runOnBareMetal } from "@sawmill/bare-runtime";
import type { X86Object } from "@sawmill/x86";
import { KERNEL_CALLS, RUN_MARKER } from "./kernels.js";

export interface KernelValues {
  /** run()'s result. */
  readonly result: number;
  /** digest() after the run. */
  readonly digest: number;
}

export interface KernelRun extends KernelValues {
  /** Executed guest instructions between the markers around run(). */
  readonly instructions: number;
}

const MAX_INSTRUCTIONS = 200_000_000;

export async function measureKernel(
  module: BareModule,
  extraObjects: readonly X86Object[] = [],
): Promise<KernelRun> {
  const run = await runOnBareMetal(module, KERNEL_CALLS, { extraObjects, maxInstructions: MAX_INSTRUCTIONS });
  const marker = (id: number) => {
    const found = run.markers.find((m) => m.id === id);
    if (found === undefined) throw new Error(`marker 0x${id.toString(16)} missing (serial: ${run.serial})`);
    return found.instructions;
  };
  return { ...values(run.results), instructions: marker(RUN_MARKER + 1) - marker(RUN_MARKER) };
}

export async function referenceRun(wasm: Uint8Array): Promise<KernelValues> {
  return values((await runInNode(wasm, KERNEL_CALLS)).results);
}

function values(results: readonly CallResult[]): KernelValues {
  const [, run, digest] = results.map((r, index) => {
    if ("trap" in r) throw new Error(`${KERNEL_CALLS[index]!.export} trapped: ${r.trap}`);
    return r.value;
  });
  return { result: Number(run), digest: Number(digest) };
}
