// System-call dispatch: decode the number, then invoke. Layer: kernel (AssemblyScript).
//
// Interface: syscall(thread) for the current thread, whose frame holds the caller's registers
// (see README: eax = number | slot << 8, ecx = tag, edx ebx esi edi = MR0–MR3, ebp = timeouts).
// Each handler writes its results into the frame; eax out is always the error code.
// The IPC fast path (src/entry) takes the common IPC cases before they get here.

import { putc } from "./console";
import {
  ERROR_INVALID_SYSCALL,
  ERROR_OK,
  SYSCALL_DEBUG_EXIT,
  SYSCALL_DEBUG_PUTC,
  SYSCALL_EXIT,
  SYSCALL_YIELD,
  THREAD_EAX,
  THREAD_EDX,
} from "./generated/layout";
import { killTask } from "./lifecycle";
import { debugExit } from "./panic";
import { rotate, schedule } from "./scheduler";
import { threadTask } from "./thread";

export function syscall(thread: u32): void {
  const number = load<u32>(thread + THREAD_EAX) & 0xff;
  let result = ERROR_OK;
  switch (number) {
    case SYSCALL_DEBUG_PUTC:
      putc(load<u32>(thread + THREAD_EDX) & 0xff);
      break;
    case SYSCALL_YIELD:
      rotate(thread);
      break;
    case SYSCALL_EXIT:
      killTask(threadTask(thread));
      break;
    case SYSCALL_DEBUG_EXIT:
      debugExit(load<u32>(thread + THREAD_EDX));
      break;
    default:
      result = ERROR_INVALID_SYSCALL;
  }
  store<u32>(thread + THREAD_EAX, result);
  schedule();
}
