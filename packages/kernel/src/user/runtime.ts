/**
 * The user-level runtime every component links: its entry point and the wasm runtime hooks.
 *
 * Layer: user level (ring 3), hand-written x86, cdecl. Interface: `assembleUserRuntime(options)`
 * → X86Object defining
 *   `_start`               the ELF entry: runs the module's start routine, then
 *                          `main(eax, ebx, ecx, edx)` with the registers the creator set
 *                          (the root task gets the boot archive and its memory, see README),
 *                          then exits the task with main's result;
 *   `_thread_start`        where further threads of the task start (the `thread_entry` stub
 *                          returns its address): `thread(eax, ebx, ecx, edx)`, the module's
 *                          exported `thread` function, with the registers THREAD_CONTROL set;
 *                          returning from it exits the task with its result (no start
 *                          routine: the task's first thread ran it);
 *   `__wasm_trap`          a wasm trap ends the task with exit code TRAP_EXIT_BASE + kind;
 *   `__wasm_memory_size`,
 *   `__wasm_memory_grow`   bookkeeping only: linear memory is demand-paged by the task's
 *                          pager, so growing is just raising the page count up to `maxPages`;
 *   `env.abort`            AssemblyScript's abort ends the task with ABORT_EXIT_CODE.
 */

import { Assembler, eax, ebx, ecx, edx, esp, m32, type X86Object } from "@sawmill/x86";
import { Syscall } from "../abi.js";
import { Vector } from "../layout.js";

export const USER_ENTRY = "_start";
export const THREAD_ENTRY = "_thread_start";
export const USER_PREFIX = "app.";
export const TRAP_EXIT_BASE = 0x100;
export const ABORT_EXIT_CODE = 0x1ff;

export interface UserRuntimeOptions {
  /** The module's start routine symbol (CompiledModule.startSymbol). */
  readonly startSymbol: string;
  /** The module's exported entry function (symbol), called with four words. */
  readonly mainSymbol: string;
  /** The module's exported `thread` function (symbol), if any: `_thread_start` calls it. */
  readonly threadSymbol?: string;
  readonly initialPages: number;
  /** Most wasm pages memory.grow may reach. */
  readonly maxPages: number;
}

const PAGES = "__user_memory_pages";

export function assembleUserRuntime(options: UserRuntimeOptions): X86Object {
  const a = new Assembler();
  a.section("data");
  a.align(4);
  a.local(PAGES);
  a.dd(options.initialPages);
  a.section("text");
  emitStart(a, options);
  if (options.threadSymbol !== undefined) emitThreadStart(a, options.threadSymbol);
  emitTrap(a);
  emitMemoryHooks(a, options.maxPages);
  return a.finish();
}

function emitStart(a: Assembler, options: UserRuntimeOptions): void {
  a.global(USER_ENTRY);
  for (const register of [edx, ecx, ebx, eax]) a.push(register);
  a.call(options.startSymbol);
  a.call(options.mainSymbol);
  emitExit(a);
}

function emitThreadStart(a: Assembler, threadSymbol: string): void {
  a.global(THREAD_ENTRY);
  for (const register of [edx, ecx, ebx, eax]) a.push(register);
  a.call(threadSymbol);
  emitExit(a);
}

/** Exits the task with the code in eax. */
function emitExit(a: Assembler): void {
  a.mov(edx, eax);
  a.mov(eax, Syscall.EXIT);
  a.int(Vector.SYSCALL);
  a.ud2();
}

function emitTrap(a: Assembler): void {
  a.global("__wasm_trap");
  a.add(eax, TRAP_EXIT_BASE);
  emitExit(a);
  a.global("env.abort");
  a.mov(eax, ABORT_EXIT_CODE);
  emitExit(a);
}

function emitMemoryHooks(a: Assembler, maxPages: number): void {
  a.global("__wasm_memory_size");
  a.mov(eax, m32({ symbol: PAGES }));
  a.ret();
  a.global("__wasm_memory_grow");
  const fail = a.newLabel();
  a.mov(eax, m32({ symbol: PAGES }));
  a.mov(ecx, m32({ base: esp, disp: 4 }));
  a.add(ecx, eax);
  a.jcc("c", fail);
  a.cmp(ecx, maxPages);
  a.jcc("a", fail);
  a.mov(m32({ symbol: PAGES }), ecx);
  a.ret();
  a.bind(fail);
  a.mov(eax, -1);
  a.ret();
}
