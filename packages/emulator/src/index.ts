/**
 * @sawmill/emulator — boots SawMill images in v86 (and QEMU where installed), headless in Node.
 *
 * Layer: host. Public interface: bootMultiboot, bootDisk (one-shot runs), Machine (interactive),
 * bootQemu, bootQemuDisk and qemuAvailable, the debug-device port numbers, the instruction-count
 * accumulator and instructionsBetween (marker spans on either emulator).
 */

export { bootDisk, type DiskBootOptions, loadSeaBios, SEABIOS_DIRECTORY } from "./boot-disk.js";
export { bootMultiboot, type MultibootOptions } from "./boot-multiboot.js";
export {
  bootQemu,
  bootQemuDisk,
  type QemuBootResult,
  type QemuDiskOptions,
  type QemuOptions,
} from "./boot-qemu.js";
export { type BootResult, DEFAULT_TIMEOUT_MS, type RunOptions } from "./boot-result.js";
export { DEFAULT_INSTRUCTIONS_PER_MS } from "./clock.js";
export {
  DEBUG_EXIT_PORT,
  DEBUG_MARKER_PORT,
  DEBUG_PORT_BASE,
  DEBUG_STAMP_PORT,
  DEBUG_VALUE_PORT,
} from "./debug-device.js";
export { InstructionCount } from "./instruction-count.js";
export { type DebugEvent, type Firmware, Machine, type MachineEnd, type MachineOptions } from "./machine.js";
export { type CountedMarker, instructionsBetween } from "./marker-span.js";
export { QEMU_BINARY, qemuAvailable } from "./qemu-command.js";
export type { QemuMarker } from "./qemu-debug-trace.js";
