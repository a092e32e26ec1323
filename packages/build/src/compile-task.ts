/**
 * Compiling and linking a task: staged modules → wasm (asc) → x86 (wasm-x86) → component ELF.
 *
 * Layer: configurator (host). Interface: `compileWasm(source, cache)` → wasm bytes (cached by
 * the staged tree); `buildTask(task, modules, cache)` → `BuiltTask` (ELF, sizes, kernel calls;
 * cached by every input's hash).
 * A task links the kernel's user runtime, one object per module (the task's own `app.` module,
 * and for an application its client library as a `libc.` module in the same address space:
 * same memory base, libc's data below APP_DATA_BASE, so pointers the application passes are
 * valid in libc), a start routine that runs every module's start routine (libc first), the `sys`
 * stubs the modules import and, if they import any, the IDL's x86 stubs.
 */

import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { AscError, compileFile } from "@sawmill/as-compiler";
import { assembleIdlStubs } from "@sawmill/idl";
import { LinkError, link, writeComponentElf } from "@sawmill/image";
import { assembleSyscallStubs, assembleUserRuntime, layout, STUB_MODULE, USER_ENTRY } from "@sawmill/kernel";
import { type CompiledModule, compileModule } from "@sawmill/wasm-x86";
import { Assembler, type X86Object } from "@sawmill/x86";
import type { BuildCache } from "./cache.js";
import { BuildError } from "./errors.js";
import { hashOf, hashTree, toolchainHash } from "./hash.js";
import type { PlannedTask } from "./plan.js";
import { APP_DATA_BASE, type ModuleSource } from "./stage.js";
import type { SizeEntry } from "./types.js";

export interface BuiltTask {
  readonly name: string;
  readonly elf: Uint8Array;
  readonly size: SizeEntry;
  readonly kernelCalls: string[];
  /** True when the ELF came from the cache. */
  readonly cached: boolean;
}

const { USER_MEMORY, USER_IMAGE } = layout.Address;
const IDL_MODULE = "idl";
const START = "__sawmill_start";
const WASM_PAGE_BYTES = 0x10000;
const PAGE_BYTES = 0x1000;

export async function compileWasm(
  source: ModuleSource,
  cache: BuildCache,
  stageRoot: string,
  subject: string,
): Promise<Uint8Array> {
  const key = hashOf(toolchainHash(), hashTree(source.files), source.entry, source.flags);
  return cache.through("wasm", key, async () => {
    const dir = join(stageRoot, key.slice(0, 24));
    for (const [path, text] of source.files) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    try {
      return await compileFile(join(dir, source.entry), { flags: source.flags });
    } catch (error) {
      if (!(error instanceof AscError)) throw error;
      throw new BuildError(
        `${subject}: the AssemblyScript does not compile\n${error.message.split(`${dir}/`).join("")}`,
        "paths are <component>/<file in its package's assembly/ folder>; slots.ts, resources.ts and the interface modules are generated",
      );
    }
  });
}

export async function buildTask(
  task: PlannedTask,
  modules: readonly ModuleSource[],
  cache: BuildCache,
  stageRoot: string,
): Promise<BuiltTask> {
  const memoryPages = task.members[0]!.memoryPages;
  const inputs = modules.map((m) => [hashTree(m.files), m.entry, m.flags, m.prefix, m.main]);
  const key = hashOf(
    toolchainHash(),
    inputs,
    task.members.map((m) => m.memoryPages),
  );
  const cachedElf = cache.get("task", key);
  const cachedMeta = cache.get("meta", key);
  if (cachedElf !== undefined && cachedMeta !== undefined) {
    const meta = JSON.parse(new TextDecoder().decode(cachedMeta)) as Pick<BuiltTask, "size" | "kernelCalls">;
    return { name: task.name, elf: cachedElf, ...meta, cached: true };
  }
  const compiled: CompiledModule[] = [];
  for (const m of modules) {
    const wasm = await compileWasm(m, cache, stageRoot, task.name);
    compiled.push(compileModule(wasm, { memoryBase: USER_MEMORY, prefix: m.prefix }));
  }
  const built = linkTask(task, modules, compiled, totalPages(task, memoryPages));
  cache.put("task", key, built.elf);
  cache.put(
    "meta",
    key,
    new TextEncoder().encode(JSON.stringify({ size: built.size, kernelCalls: built.kernelCalls })),
  );
  return built;
}

/** The task's whole budget: a colocation group's is the sum of its members'. */
function totalPages(task: PlannedTask, first: number): number {
  return task.placement === "colocated" ? task.members.reduce((sum, m) => sum + m.memoryPages, 0) : first;
}

function linkTask(
  task: PlannedTask,
  modules: readonly ModuleSource[],
  compiled: readonly CompiledModule[],
  memoryPages: number,
): BuiltTask {
  const mainIndex = modules.findIndex((m) => m.main !== undefined);
  const main = compiled[mainIndex]!.exports.find((e) => e.name === modules[mainIndex]!.main);
  if (main === undefined) throw new BuildError(`${task.name}: its entry exports no function main`);
  compiled.forEach((c, i) => {
    if (modules[i]!.main === undefined) checkBelowAppData(task, c);
  });
  const imports = compiled.flatMap((c) => c.imports);
  const kernelCalls = [...new Set(imports.filter((i) => i.module === STUB_MODULE).map((i) => i.name))].sort();
  const initialPages = Math.max(0, ...compiled.map((c) => c.memory?.initialPages ?? 0));
  const runtime = assembleUserRuntime({
    startSymbol: START,
    mainSymbol: main.symbol,
    initialPages,
    maxPages: Math.max(initialPages, Math.floor((memoryPages * PAGE_BYTES) / WASM_PAGE_BYTES)),
  });
  // Start routines in reverse module order: libc (and other helpers) before the application.
  const starts = [...compiled].reverse().map((c) => c.startSymbol);
  const objects: X86Object[] = [
    runtime,
    startAll(starts),
    ...compiled.map((c) => c.object),
    assembleSyscallStubs(kernelCalls),
  ];
  if (imports.some((i) => i.module === IDL_MODULE))
    objects.push(assembleIdlStubs({ memoryBase: USER_MEMORY }));
  const image = linkObjects(task, objects);
  const elf = writeComponentElf(image);
  const size = { text: 0, rodata: 0, data: 0, elf: elf.length };
  for (const s of image.segments) {
    if (s.executable) size.text += s.memSize;
    else if (s.writable) size.data += s.memSize;
    else size.rodata += s.memSize;
  }
  return { name: task.name, elf, size, kernelCalls, cached: false };
}

function linkObjects(task: PlannedTask, objects: X86Object[]): ReturnType<typeof link> {
  try {
    return link(objects, { base: USER_IMAGE, entry: USER_ENTRY });
  } catch (error) {
    if (!(error instanceof LinkError)) throw error;
    throw new BuildError(
      `${task.name}: linking its component image failed: ${error.message}`,
      "an undefined symbol is an import nothing provides: a function of the sys, idl or libc module that does not exist",
    );
  }
}

/** `__sawmill_start`: calls each module's start routine once, in order. */
function startAll(starts: readonly string[]): X86Object {
  const a = new Assembler();
  a.section("text");
  a.global(START);
  for (const s of starts) a.call(s);
  a.ret();
  return a.finish();
}

/** A helper module's static data must stay below the application's (APP_DATA_BASE). */
function checkBelowAppData(task: PlannedTask, c: CompiledModule): void {
  for (const block of c.object.placed) {
    if (block.address + block.bytes.length > USER_MEMORY + APP_DATA_BASE) {
      throw new BuildError(
        `${task.name}: the client library's static data ends at ${hex(block.address + block.bytes.length - USER_MEMORY)}, over the application's data at ${hex(APP_DATA_BASE)}`,
        "keep libc's static data small (it allocates nothing and holds no large tables)",
      );
    }
  }
}

function hex(n: number): string {
  return `0x${n.toString(16)}`;
}
