/**
 * Where the kernel's IPC protocols are declared as @sawmill/idl interfaces: the messages the
 * kernel itself sends on a thread's behalf (page faults, exceptions) or for a device (IRQs).
 *
 * Layer: kernel, host side (paths only). A user-level pager, exception handler or driver
 * compiles these with @sawmill/idl and serves them with the generated dispatch; the labels are
 * KernelLabel's (abi.ts), which a test in @sawmill/idl checks against the files.
 */

import { fileURLToPath } from "node:url";

const idlFile = (name: string) => fileURLToPath(new URL(`../idl/${name}`, import.meta.url));

export const KERNEL_PROTOCOLS = {
  pager: idlFile("pager.idl.ts"),
  exceptionHandler: idlFile("exception-handler.idl.ts"),
  interruptHandler: idlFile("interrupt-handler.idl.ts"),
} as const;
