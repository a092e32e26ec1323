// System-call dispatch: decode the number, then invoke. Layer: kernel (AssemblyScript).
//
// Interface: syscall(thread) for the current thread, whose frame holds the caller's registers
// (see README: eax = number | slot << 8, ecx = tag, edx ebx esi edi = MR0–MR3, ebp = timeouts).
// The IPC calls (ipc.ts) write their results into the frames of both partners and schedule
// themselves; every other handler returns the error code, which goes to eax, then the
// dispatcher schedules. The IPC fast path (src/entry) takes the common IPC cases before they
// get here.

import { capCopy, capDelete } from "./cap-calls";
import { putc } from "./console";
import {
  ERROR_INVALID_SYSCALL,
  ERROR_OK,
  SYSCALL_CALL,
  SYSCALL_CAP_COPY,
  SYSCALL_CAP_DELETE,
  SYSCALL_DEBUG_EXIT,
  SYSCALL_DEBUG_PUTC,
  SYSCALL_ENDPOINT_CREATE,
  SYSCALL_EXIT,
  SYSCALL_IOPORT_GRANT,
  SYSCALL_IRQ_ACK,
  SYSCALL_IRQ_ATTACH,
  SYSCALL_RECV,
  SYSCALL_REPLY_RECV,
  SYSCALL_SEND,
  SYSCALL_TASK_CREATE,
  SYSCALL_THREAD_CONTROL,
  SYSCALL_THREAD_CREATE,
  SYSCALL_UNMAP,
  SYSCALL_YIELD,
  THREAD_EAX,
  THREAD_EDX,
} from "./generated/layout";
import { ioportGrant } from "./ioports";
import { irqAck, irqAttach } from "./irq";
import { sysCall, sysRecv, sysReplyRecv, sysSend } from "./ipc";
import { killTask } from "./lifecycle";
import { endpointCreate, taskCreate, threadCreate } from "./objects";
import { debugExit } from "./panic";
import { rotate, schedule } from "./scheduler";
import { threadControl } from "./thread-control";
import { threadTask } from "./thread";
import { sysUnmap } from "./unmap";

export function syscall(thread: u32): void {
  const number = load<u32>(thread + THREAD_EAX) & 0xff;
  switch (number) {
    case SYSCALL_SEND:
      return sysSend(thread);
    case SYSCALL_CALL:
      return sysCall(thread);
    case SYSCALL_RECV:
      return sysRecv(thread);
    case SYSCALL_REPLY_RECV:
      return sysReplyRecv(thread);
  }
  store<u32>(thread + THREAD_EAX, invoke(thread, number));
  schedule();
}

function invoke(thread: u32, number: u32): u32 {
  switch (number) {
    case SYSCALL_DEBUG_PUTC:
      putc(load<u32>(thread + THREAD_EDX) & 0xff);
      return ERROR_OK;
    case SYSCALL_YIELD:
      rotate(thread);
      return ERROR_OK;
    case SYSCALL_EXIT:
      killTask(threadTask(thread));
      return ERROR_OK;
    case SYSCALL_CAP_COPY:
      return capCopy(thread);
    case SYSCALL_CAP_DELETE:
      return capDelete(thread);
    case SYSCALL_ENDPOINT_CREATE:
      return endpointCreate(thread);
    case SYSCALL_TASK_CREATE:
      return taskCreate(thread);
    case SYSCALL_THREAD_CREATE:
      return threadCreate(thread);
    case SYSCALL_THREAD_CONTROL:
      return threadControl(thread);
    case SYSCALL_IRQ_ATTACH:
      return irqAttach(thread);
    case SYSCALL_IRQ_ACK:
      return irqAck(thread);
    case SYSCALL_IOPORT_GRANT:
      return ioportGrant(thread);
    case SYSCALL_UNMAP:
      return sysUnmap(thread);
    case SYSCALL_DEBUG_EXIT:
      debugExit(load<u32>(thread + THREAD_EDX));
      return ERROR_OK;
    default:
      return ERROR_INVALID_SYSCALL;
  }
}
