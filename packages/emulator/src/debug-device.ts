/**
 * The guest-to-harness debug device: three write-only I/O ports.
 *
 * Layer: host, @sawmill/emulator. Port map (base 0x520; v86 itself claims 0x510–0x511 for its
 * firmware-configuration interface, so the range 0x510–0x51F named in the design moved here;
 * 0x520–0x52F is unclaimed in v86 and in QEMU's PC machine):
 *
 *   0x520  exit    out 0x520, eax   the guest is done; eax is the exit code
 *   0x524  marker  out 0x524, eax   record the executed-instruction count, tagged eax
 *   0x528  value   out 0x528, eax   report eax as a result value
 *   0x52C  stamp   out 0x52C, eax   low 32 bits of rdtsc, taken right after a marker's out
 *
 * Writes of any width are accepted (8- and 16-bit values are zero-extended). Reads return
 * all ones, like any unclaimed port.
 *
 * The stamp port exists for QEMU (boot-qemu.ts), which cannot count instructions at a port
 * write: under `-icount shift=0` the guest's rdtsc reads the exact instruction count, so a
 * guest that follows each marker with `rdtsc; out 0x52C, eax` gets exact marker counts on both
 * emulators. v86 counts markers itself and ignores the stamp; claiming the port keeps it quiet.
 */
import type { V86IoPorts } from "./v86-internals.js";

export const DEBUG_PORT_BASE = 0x520;
export const DEBUG_EXIT_PORT = DEBUG_PORT_BASE;
export const DEBUG_MARKER_PORT = DEBUG_PORT_BASE + 4;
export const DEBUG_VALUE_PORT = DEBUG_PORT_BASE + 8;
export const DEBUG_STAMP_PORT = DEBUG_PORT_BASE + 12;

export interface DebugDeviceHandlers {
  exit(code: number): void;
  marker(id: number): void;
  value(value: number): void;
}

export function attachDebugDevice(io: V86IoPorts, handlers: DebugDeviceHandlers): void {
  const device = { name: "sawmill-debug" };
  const claim = (port: number, handle: (value: number) => void) => {
    const write = (value: number) => handle(value >>> 0);
    io.register_write(port, device, write, write, write);
  };
  claim(DEBUG_EXIT_PORT, handlers.exit);
  claim(DEBUG_MARKER_PORT, handlers.marker);
  claim(DEBUG_VALUE_PORT, handlers.value);
  claim(DEBUG_STAMP_PORT, () => {});
}
