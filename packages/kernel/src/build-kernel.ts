/**
 * Builds the kernel: AssemblyScript half → wasm → x86, linked with the hand-written entry code.
 *
 * Layer: kernel, host side. Interface: `buildKernel()` → the linked kernel image (for
 * @sawmill/image's boot-image writer) and the compiled module's description. The compiled
 * kernel's wasm memory base is 0: a wasm address is a physical address, which the kernel's
 * identity map makes a kernel virtual address too.
 */

import { fileURLToPath } from "node:url";
import { compileFile } from "@sawmill/as-compiler";
import { type LinkedImage, link } from "@sawmill/image";
import { compileModule } from "@sawmill/wasm-x86";
import { assembleKernelEntry, type KernelEntryOptions } from "./entry/index.js";
import { ENTRY, KERNEL_PREFIX } from "./entry/symbols.js";
import { Address } from "./layout.js";

export const KERNEL_SOURCE = fileURLToPath(new URL("../assembly/main.ts", import.meta.url));

export interface KernelBuild {
  readonly image: LinkedImage;
  /** Bytes of kernel code and data (without the fixed tables below the image). */
  readonly size: number;
}

/**
 * `options.fastPath: false` builds the kernel without the IPC fast path (every IPC takes the
 * slow path: the reference the fast path is tested against); `markers: true` adds the
 * benchmark's section markers (src/entry/fastpath.ts).
 */
export async function buildKernel(options: KernelEntryOptions = {}): Promise<KernelBuild> {
  const wasm = await compileFile(KERNEL_SOURCE, {
    flags: ["--memoryBase", String(Address.KERNEL_STATICS)],
  });
  const compiled = compileModule(wasm, { memoryBase: 0, prefix: KERNEL_PREFIX });
  const memoryPages = compiled.memory?.initialPages ?? 0;
  const entry = assembleKernelEntry(memoryPages, options);
  const image = link([entry, compiled.object], { base: Address.KERNEL_IMAGE, entry: ENTRY });
  const imageSegments = image.segments.filter(
    (s) => s.address >= Address.KERNEL_IMAGE && s.address < Address.KERNEL_STATICS,
  );
  const end = Math.max(...imageSegments.map((s) => s.address + s.memSize));
  if (end > Address.KERNEL_STATICS) {
    throw new Error(
      `kernel image ends at 0x${end.toString(16)}, into its statics at 0x${Address.KERNEL_STATICS.toString(16)}`,
    );
  }
  return { image, size: end - Address.KERNEL_IMAGE };
}
