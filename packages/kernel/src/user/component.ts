/**
 * Builds a component: an AssemblyScript program → wasm → x86 → a component ELF at USER_IMAGE.
 *
 * Layer: user level, host side. Interface: `buildComponent(source, options)` → the ELF, its
 * linked image and the system calls it imports. The component's linear memory is at
 * USER_MEMORY; it links the user runtime and exactly the `sys` stubs it imports.
 */

import { compileFile } from "@sawmill/as-compiler";
import { type LinkedImage, link, writeComponentElf } from "@sawmill/image";
import { compileModule } from "@sawmill/wasm-x86";
import type { X86Object } from "@sawmill/x86";
import { Address } from "../layout.js";
import { assembleUserRuntime, USER_ENTRY, USER_PREFIX } from "./runtime.js";
import { assembleSyscallStubs, STUB_MODULE } from "./stubs.js";

/** The exported function further threads start in (through the runtime's `_thread_start`). */
export const THREAD_FUNCTION = "thread";

export interface ComponentOptions {
  /** The exported function `_start` calls, default "main". */
  readonly entry?: string;
  /** Most wasm pages (64 KiB) the component's memory may grow to, default 16. */
  readonly maxPages?: number;
  /** More objects to link, e.g. the IDL's x86 stubs the component imports. */
  readonly extraObjects?: readonly X86Object[];
}

export interface Component {
  readonly elf: Uint8Array;
  readonly image: LinkedImage;
  /** Names in the `sys` import module: the component's system calls. */
  readonly syscalls: readonly string[];
}

export async function buildComponent(source: string, options: ComponentOptions = {}): Promise<Component> {
  const wasm = await compileFile(source);
  const compiled = compileModule(wasm, { memoryBase: Address.USER_MEMORY, prefix: USER_PREFIX });
  const entryName = options.entry ?? "main";
  const entry = compiled.exports.find((e) => e.name === entryName);
  if (entry === undefined) throw new Error(`${source}: no exported function ${entryName}`);
  const syscalls = [
    ...new Set(compiled.imports.filter((i) => i.module === STUB_MODULE).map((i) => i.name)),
  ].sort();
  const thread = compiled.exports.find((e) => e.name === THREAD_FUNCTION);
  if (syscalls.includes("thread_entry") && thread === undefined) {
    throw new Error(`${source}: imports sys.thread_entry but exports no function ${THREAD_FUNCTION}`);
  }
  const runtime = assembleUserRuntime({
    startSymbol: compiled.startSymbol,
    mainSymbol: entry.symbol,
    threadSymbol: thread?.symbol,
    initialPages: compiled.memory?.initialPages ?? 0,
    maxPages: options.maxPages ?? 16,
  });
  const image = link(
    [runtime, compiled.object, assembleSyscallStubs(syscalls), ...(options.extraObjects ?? [])],
    {
      base: Address.USER_IMAGE,
      entry: USER_ENTRY,
    },
  );
  return { elf: writeComponentElf(image), image, syscalls };
}
