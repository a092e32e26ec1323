/**
 * @sawmill/kernel — the microkernel, its system-call ABI and the user-level pieces every
 * component links (runtime, system-call stubs).
 *
 * Layer: kernel, host side. Public interface: `buildKernel`, `buildSystemImage`,
 * `buildComponent`, the ABI constants (`Syscall`, `ErrorCode`, ...) and the layouts.
 */

export * from "./abi.js";
export { buildKernel, type KernelBuild } from "./build-kernel.js";
export {
  FAST_PATH_MARKERS,
  MARKER_OVERHEAD,
  REPLY_MARKER_OFFSET,
  UNMARKED_ENTRY,
  UNMARKED_EXIT,
} from "./entry/fastpath.js";
export type { KernelEntryOptions } from "./entry/index.js";
export * as layout from "./layout.js";
export { KERNEL_PROTOCOLS } from "./protocols.js";
export { buildSystemImage, type SystemImageInput } from "./system-image.js";
export { buildComponent, type Component, type ComponentOptions } from "./user/component.js";
export {
  ABORT_EXIT_CODE,
  assembleUserRuntime,
  TRAP_EXIT_BASE,
  USER_ENTRY,
  USER_PREFIX,
  type UserRuntimeOptions,
} from "./user/runtime.js";
export { assembleSyscallStubs, STUB_MODULE, SYSCALL_STUBS } from "./user/stubs.js";
