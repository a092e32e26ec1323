// Per-CPU state the entry code shares with the kernel: the current thread and task, the TSS and
// the UTCB descriptor. Layer: kernel (AssemblyScript).
//
// Interface: cpuInit() once; currentThread(); activate(thread) makes `thread` the one the exit
// path resumes: TSS.esp0 → its frame end, its task's page directory in CR3 and I/O-port
// permissions (ioports.ts), its UTCB in the gs descriptor. Invariant: while a user thread runs,
// CPU.CURRENT is its TCB and TSS.esp0 is TCB + FRAME_END, so an entry from ring 3 saves the
// user frame into that TCB.

import { writeCr3 } from "@sawmill/wasm-x86/assembly/x86";
import {
  ADDRESS_CPU,
  ADDRESS_GDT,
  ADDRESS_TSS,
  CPU_CURRENT,
  CPU_CURRENT_TASK,
  CPU_SIZE,
  FRAME_END,
  IO_BITMAP_BYTES,
  SELECTOR_KERNEL_DATA,
  SELECTOR_UTCB,
  TASK_PAGE_DIRECTORY,
  THREAD_TASK,
  THREAD_UTCB_DESCRIPTOR_HIGH,
  THREAD_UTCB_DESCRIPTOR_LOW,
  TSS_ESP0,
  TSS_IO_MAP_BASE,
  TSS_SIZE,
  TSS_SS0,
} from "./generated/layout";
import { loadIoMap } from "./ioports";

const UTCB_DESCRIPTOR: u32 = ADDRESS_GDT + (SELECTOR_UTCB & ~7);
/** An I/O map base beyond the TSS limit: every port is denied. */
export const NO_IO_MAP: u16 = 0xffff;

export function cpuInit(): void {
  memory.fill(ADDRESS_CPU, 0, CPU_SIZE);
  memory.fill(ADDRESS_TSS, 0, TSS_SIZE);
  memory.fill(ADDRESS_TSS + TSS_SIZE, 0xff, IO_BITMAP_BYTES + 1);
  store<u32>(ADDRESS_TSS + TSS_SS0, SELECTOR_KERNEL_DATA);
  store<u16>(ADDRESS_TSS + TSS_IO_MAP_BASE, NO_IO_MAP);
}

export function currentThread(): u32 {
  return load<u32>(ADDRESS_CPU + CPU_CURRENT);
}

export function currentTask(): u32 {
  return load<u32>(ADDRESS_CPU + CPU_CURRENT_TASK);
}

export function activate(thread: u32): void {
  store<u32>(ADDRESS_CPU + CPU_CURRENT, thread);
  const task = load<u32>(thread + THREAD_TASK);
  if (task == 0) return; // the idle thread runs in ring 0 on whatever directory is loaded
  store<u32>(ADDRESS_TSS + TSS_ESP0, thread + FRAME_END);
  if (task != currentTask()) {
    store<u32>(ADDRESS_CPU + CPU_CURRENT_TASK, task);
    writeCr3(load<u32>(task + TASK_PAGE_DIRECTORY));
    loadIoMap(task);
  }
  store<u32>(UTCB_DESCRIPTOR, load<u32>(thread + THREAD_UTCB_DESCRIPTOR_LOW));
  store<u32>(UTCB_DESCRIPTOR + 4, load<u32>(thread + THREAD_UTCB_DESCRIPTOR_HIGH));
}

/** The two descriptor words of a 512-byte DPL-3 data segment at `base`. */
export function utcbDescriptorLow(base: u32): u32 {
  return (base << 16) | 0x01ff;
}

export function utcbDescriptorHigh(base: u32): u32 {
  return (base & 0xff00_0000) | 0x0040_f200 | ((base >> 16) & 0xff);
}
