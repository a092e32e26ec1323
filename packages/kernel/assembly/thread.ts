// Threads: a TCB per thread, its first words the saved user frame (see src/layout.ts).
// Layer: kernel objects (AssemblyScript).
//
// Interface: createUserThread(task, eip, esp, utcb, priority) → TCB or 0; createIdleThread(entry).
// A new thread is INACTIVE until the scheduler makes it READY. Invariant: a user thread's frame
// always holds ring-3 selectors and IF set, so the exit path can never return to ring 0 with a
// user's registers.

import { utcbDescriptorHigh, utcbDescriptorLow } from "./cpu";
import { allocFrame } from "./frames";
import {
  SELECTOR_KERNEL_CODE,
  SELECTOR_USER_CODE,
  SELECTOR_USER_DATA,
  STATE_INACTIVE,
  THREAD_CS,
  THREAD_EFLAGS,
  THREAD_EIP,
  THREAD_ESP,
  THREAD_ID,
  THREAD_PRIORITY,
  THREAD_SS,
  THREAD_STATE,
  THREAD_TASK,
  THREAD_UTCB,
  THREAD_UTCB_DESCRIPTOR_HIGH,
  THREAD_UTCB_DESCRIPTOR_LOW,
} from "./generated/layout";

export const EFLAGS_INTERRUPTS: u32 = 0x202;
export const MAX_PRIORITY: u32 = 255;

let nextThreadId: u32 = 1;

export function createUserThread(task: u32, eip: u32, esp: u32, utcb: u32, priority: u32): u32 {
  const thread = allocFrame();
  if (thread == 0) return 0;
  store<u32>(thread + THREAD_EIP, eip);
  store<u32>(thread + THREAD_CS, SELECTOR_USER_CODE);
  store<u32>(thread + THREAD_EFLAGS, EFLAGS_INTERRUPTS);
  store<u32>(thread + THREAD_ESP, esp);
  store<u32>(thread + THREAD_SS, SELECTOR_USER_DATA);
  store<u32>(thread + THREAD_TASK, task);
  store<u32>(thread + THREAD_UTCB, utcb);
  store<u32>(thread + THREAD_UTCB_DESCRIPTOR_LOW, utcbDescriptorLow(utcb));
  store<u32>(thread + THREAD_UTCB_DESCRIPTOR_HIGH, utcbDescriptorHigh(utcb));
  store<u32>(thread + THREAD_PRIORITY, priority > MAX_PRIORITY ? MAX_PRIORITY : priority);
  store<u32>(thread + THREAD_STATE, STATE_INACTIVE);
  store<u32>(thread + THREAD_ID, nextThreadId++);
  return thread;
}

/** The idle thread: ring 0, no task, resumed at `entry` (which takes its own stack). */
export function createIdleThread(entry: u32): u32 {
  const thread = allocFrame();
  if (thread == 0) return 0;
  store<u32>(thread + THREAD_EIP, entry);
  store<u32>(thread + THREAD_CS, SELECTOR_KERNEL_CODE);
  store<u32>(thread + THREAD_EFLAGS, EFLAGS_INTERRUPTS);
  return thread;
}

export function threadTask(thread: u32): u32 {
  return load<u32>(thread + THREAD_TASK);
}

export function threadId(thread: u32): u32 {
  return load<u32>(thread + THREAD_ID);
}
