// The kernel's AssemblyScript entry points, called from the hand-written x86 (src/entry).
// Layer: kernel (AssemblyScript), the top.
//
//   main(info, archive, archiveSize, idleEntry) — once, from boot: set up the machine, start the
//       root task, pick the first thread. Returns to the exit path.
//   trap(frame) — every entry the fast path does not finish: decode the vector, invoke.
//   panic_trap(kind), abort(...) — kernel bugs.

import { consoleInit, putDec, puts } from "./console";
import { cpuInit, currentThread } from "./cpu";
import { installDeviceCaps } from "./device-caps";
import { exception } from "./exceptions";
import { PAGE_SIZE, framesInit } from "./frames";
import { EXCEPTION_VECTORS, IRQ_LINES, THREAD_VECTOR, VECTOR_IRQ_BASE, VECTOR_SYSCALL } from "./generated/layout";
import { interrupt } from "./interrupts";
import { ramTop } from "./multiboot";
import { pagingInit } from "./paging";
import { panic } from "./panic";
import { installRootObjects } from "./objects";
import { picInit, unmask } from "./pic";
import { startRoot } from "./root-task";
import { schedule, schedulerInit } from "./scheduler";
import { syscall } from "./syscalls";
import { createIdleThread, threadTask } from "./thread";
import { TIMER_LINE, timerInit } from "./timer";

/** Kernel object pool: page tables, TCBs, tasks, endpoints. */
const POOL_BYTES: u32 = 8 << 20;

export function main(info: u32, archive: u32, archiveSize: u32, idleEntry: u32): void {
  consoleInit();
  puts("SawMill kernel\n");
  cpuInit();
  picInit();
  const top = ramTop(info);
  const wasmEnd = <u32>memory.size() << 16;
  const poolStart = pageAlign(max(wasmEnd, archive + archiveSize));
  const poolEnd = poolStart + POOL_BYTES;
  if (archive == 0) panic("no boot archive", 0);
  if (top < poolEnd) panic("not enough memory; RAM ends at", top);
  framesInit(poolStart, poolEnd);
  if (!pagingInit(top)) panic("out of kernel memory for page tables", top);
  const idle = createIdleThread(idleEntry);
  schedulerInit(idle);
  const root = startRoot(archive, archiveSize, poolEnd, top);
  installRootObjects(root);
  installDeviceCaps(threadTask(root));
  puts("[kernel] ");
  putDec((top - poolEnd) >> 10);
  puts(" KiB for the root task\n");
  timerInit();
  unmask(TIMER_LINE);
  schedule();
}

export function trap(frame: u32): void {
  const vector = load<u32>(frame + THREAD_VECTOR);
  if (vector == VECTOR_SYSCALL) syscall(currentThread());
  else if (vector >= VECTOR_IRQ_BASE && vector < VECTOR_IRQ_BASE + IRQ_LINES) interrupt(vector - VECTOR_IRQ_BASE);
  else if (vector < EXCEPTION_VECTORS) exception(frame, vector);
  else panic("unexpected vector", vector);
}

export function panic_trap(kind: u32): void {
  panic("wasm trap in the kernel, kind", kind);
}

export function abort(message: usize, file: usize, line: u32, column: u32): void {
  panic("abort in the kernel at line", line);
}

function pageAlign(address: u32): u32 {
  return (address + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
}
