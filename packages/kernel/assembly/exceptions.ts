// CPU exceptions. Layer: kernel (AssemblyScript).
//
// An exception in ring 3 is the task's problem, never the kernel's. It goes to the thread's
// exception handler (THREAD_CONTROL SET_EXCEPTION_HANDLER) as a call the kernel makes on the
// thread's behalf: label LABEL_EXCEPTION, MR0 = vector, MR1 = eip, MR2 = error code, MR3 = fault
// address (page faults; else 0), badge = the handler capability's. The thread stays stopped with
// its registers untouched until the handler replies: then it resumes, at MR1 of the reply when
// the reply has two words or more, else where it faulted (the instruction is retried). Without a
// handler the kernel reports the exception on the console and ends the task; everything else
// keeps running. An exception in ring 0 is a kernel bug: panic.
// A user page fault goes to the thread's pager first (pagefault.ts); only one no pager takes
// (none, a kernel address, or a reply that did not map the page) comes here as an exception.
// Interface: exception(frame, vector) from trap(); raiseException(thread, vector, address) for
// any thread (pagefault.ts raises the page faults its pager did not resolve);
// resumeAfterException(thread, replier) when the handler's reply has reached `thread` (ipc.ts).

import { readCr2 } from "@sawmill/wasm-x86/assembly/x86";
import { putDec, putHex, puts } from "./console";
import { currentThread } from "./cpu";
import {
  LABEL_EXCEPTION,
  TAG_WORDS_SHIFT,
  THREAD_CS,
  THREAD_EBX,
  THREAD_ECX,
  THREAD_EIP,
  THREAD_ERROR,
  THREAD_EXCEPTION_BADGE,
  THREAD_EXCEPTION_HANDLER,
  VECTOR_PAGE_FAULT,
} from "./generated/layout";
import { kernelCall } from "./ipc";
import { killTask } from "./lifecycle";
import { pageFault } from "./pagefault";
import { panic } from "./panic";
import { tagWords } from "./message";
import { makeReady, schedule } from "./scheduler";
import { taskId } from "./task";
import { threadId, threadTask } from "./thread";

const EXCEPTION_TAG: u32 = LABEL_EXCEPTION | (4 << TAG_WORDS_SHIFT);

export function exception(frame: u32, vector: u32): void {
  if ((load<u32>(frame + THREAD_CS) & 3) == 0) panic(exceptionName(vector), load<u32>(frame + THREAD_EIP));
  const thread = currentThread();
  const address = vector == VECTOR_PAGE_FAULT ? readCr2() : 0;
  if (vector != VECTOR_PAGE_FAULT || !pageFault(thread, address)) raiseException(thread, vector, address);
  schedule();
}

/**
 * A ring-3 exception of `thread` (not necessarily the current one: a page fault its pager could
 * not resolve is raised when the pager replies). `address` is the fault address for a page fault.
 * The thread's saved frame (at TCB offset 0) holds its eip and error code. Does not schedule.
 */
export function raiseException(thread: u32, vector: u32, address: u32): void {
  if (callHandler(thread, vector, address)) return;
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

export function resumeAfterException(thread: u32, replier: u32): void {
  if (tagWords(load<u32>(replier + THREAD_ECX)) >= 2) store<u32>(thread + THREAD_EIP, load<u32>(replier + THREAD_EBX));
  makeReady(thread);
}

/** Sends the exception to `thread`'s handler, if it has one. */
function callHandler(thread: u32, vector: u32, address: u32): bool {
  const handler = load<u32>(thread + THREAD_EXCEPTION_HANDLER);
  if (handler == 0) return false;
  const eip = load<u32>(thread + THREAD_EIP);
  const error = load<u32>(thread + THREAD_ERROR);
  kernelCall(thread, handler, load<u32>(thread + THREAD_EXCEPTION_BADGE), EXCEPTION_TAG, vector, eip, error, address);
  return true;
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
