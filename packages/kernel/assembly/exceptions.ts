// CPU exceptions. Layer: kernel (AssemblyScript).
//
// An exception in ring 3 is the task's problem, never the kernel's: until exception handlers
// and pagers take them, the kernel reports it on the console and ends the task; everything else
// keeps running. An exception in ring 0 is a kernel bug: panic.
// Interface: exception(frame, vector) from trap(); raiseException(thread, vector, address) for
// any thread (pagefault.ts raises the page faults its pager did not resolve).

import { readCr2 } from "@sawmill/wasm-x86/assembly/x86";
import { putDec, putHex, puts } from "./console";
import { currentThread } from "./cpu";
import { THREAD_CS, THREAD_EIP, THREAD_ERROR, VECTOR_PAGE_FAULT } from "./generated/layout";
import { killTask } from "./lifecycle";
import { panic } from "./panic";
import { schedule } from "./scheduler";
import { taskId } from "./task";
import { threadId, threadTask } from "./thread";

export function exception(frame: u32, vector: u32): void {
  if ((load<u32>(frame + THREAD_CS) & 3) == 0) panic(exceptionName(vector), load<u32>(frame + THREAD_EIP));
  raiseException(currentThread(), vector, vector == VECTOR_PAGE_FAULT ? readCr2() : 0);
  schedule();
}

/**
 * A ring-3 exception of `thread` (not necessarily the current one: a page fault its pager could
 * not resolve is raised when the pager replies). `address` is the fault address for a page fault.
 * The thread's saved frame (at TCB offset 0) holds its eip and error code. Does not schedule.
 */
export function raiseException(thread: u32, vector: u32, address: u32): void {
  const task = threadTask(thread);
  puts("[kernel] task ");
  putDec(taskId(task));
  puts(" thread ");
  putDec(threadId(thread));
  puts(": ");
  puts(exceptionName(vector));
  puts(" at eip ");
  putHex(load<u32>(thread + THREAD_EIP));
  if (vector == VECTOR_PAGE_FAULT) {
    puts(" address ");
    putHex(address);
    puts(" error ");
    putHex(load<u32>(thread + THREAD_ERROR));
  }
  puts("; task ended\n");
  killTask(task);
}

function exceptionName(vector: u32): string {
  switch (vector) {
    case 0:
      return "divide error";
    case 1:
      return "debug";
    case 3:
      return "breakpoint";
    case 4:
      return "overflow";
    case 5:
      return "bound range";
    case 6:
      return "invalid opcode";
    case 7:
      return "device not available";
    case 8:
      return "double fault";
    case 10:
      return "invalid TSS";
    case 11:
      return "segment not present";
    case 12:
      return "stack fault";
    case 13:
      return "general protection fault";
    case 14:
      return "page fault";
    case 16:
      return "x87 error";
    case 17:
      return "alignment check";
    case 19:
      return "SIMD error";
    default:
      return "exception";
  }
}
