/**
 * The builder's public shapes: options, progress events, results and `manifest.json`.
 *
 * Layer: configurator (host). Interface: types only. Invariant: `ImageManifest` is exactly what
 * `manifest.json` holds (JSON, deterministic key order), so `inspectImage` can read it back.
 */

import type { PortRange } from "@sawmill/image";

export interface BuildOptions {
  /** Output directory; default `dist/<name>` under the current directory. */
  readonly outDir?: string;
  /** Called at each step of a long build (the CLI prints them). */
  readonly onProgress?: (event: ProgressEvent) => void;
  /** Cache directory; default `node_modules/.cache/sawmill-build` above the configuration. */
  readonly cacheDir?: string;
  /** Extra directories to resolve component packages from (@sawmill/config's LoadOptions). */
  readonly searchPaths?: string[];
}

export interface ProgressEvent {
  readonly step: "load" | "closure" | "compile" | "link" | "image" | "write";
  /** Task or component the step is about, if any. */
  readonly subject?: string;
  /** True when the step's result came from the cache. */
  readonly cached?: boolean;
  readonly message: string;
}

export interface BuildResult {
  readonly outDir: string;
  /** Paths of the written files. */
  readonly files: OutputFiles;
  readonly manifest: ImageManifest;
  /** Cache lookups of this build (modules, component ELFs, the image). */
  readonly cache: { readonly hits: number; readonly misses: number };
}

export interface OutputFiles {
  /** The multiboot ELF (`<name>.elf`). */
  readonly elf: string;
  /** The raw disk image (`<name>.img`). */
  readonly disk: string;
  readonly manifest: string;
  readonly graph: string;
}

/** `manifest.json`. */
export interface ImageManifest {
  readonly name: string;
  readonly description?: string;
  /** Physical memory of the target in bytes. */
  readonly memory: number;
  readonly tasks: TaskEntry[];
  readonly components: ComponentEntry[];
  /** Client-library calls linked into the applications, with who provides them. */
  readonly syscalls: SyscallEntry[];
  /** Configured components left out because nothing needs them. */
  readonly pruned: string[];
  readonly sizes: { readonly elf: number; readonly disk: number };
}

/** One address space: a component alone, a colocation group, or an application with its libc. */
export interface TaskEntry {
  readonly name: string;
  readonly placement: "separate" | "colocated" | "application";
  /** Component instance names in this address space (libc included for applications). */
  readonly members: string[];
  readonly priority: number;
  readonly memoryPages: number;
  readonly stackPages: number;
  readonly irqs: number[];
  readonly ports: PortRange[];
  /** Interfaces it serves to other tasks, with their capability slot and endpoint number. */
  readonly serves: { interface: string; slot: number; endpoint: number }[];
  /** Interfaces it calls in other tasks: slot, serving task, badge minted for this task. */
  readonly uses: { interface: string; slot: number; server: string; badge: number }[];
  /** Interfaces served and called inside this address space (direct calls, no kernel). */
  readonly colocated: string[];
  /** Kernel system calls its code imports (`sys.*`). */
  readonly kernelCalls: string[];
  readonly size: SizeEntry;
}

export interface SizeEntry {
  readonly text: number;
  readonly rodata: number;
  readonly data: number;
  /** The component ELF in the boot archive. */
  readonly elf: number;
}

export interface ComponentEntry {
  readonly name: string;
  readonly package: string;
  readonly version: string;
  readonly kind: string;
  /** The task it runs in. */
  readonly task: string;
}

export interface SyscallEntry {
  readonly name: string;
  /** Component instance whose manifest provides it. */
  readonly provider: string;
  readonly applications: string[];
}
