/**
 * The debug device under QEMU: debug-port writes recovered from QEMU's I/O trace.
 *
 * Layer: host, @sawmill/emulator. Interface: parseDebugWrite(line) turns one line of QEMU's
 * `memory_region_ops_write` trace (log backend, stderr) into a DebugWrite or null;
 * QemuDebugLog applies the writes in order and holds exit code, values and markers.
 *
 * Why a trace: QEMU has no device that hands a 32-bit port write to the host. isa-debugcon
 * drops 16- and 32-bit writes entirely, isa-debug-exit keeps 7 bits of the code in the process
 * status. The trace event fires for every port write that reaches a device or the unassigned
 * "io" region, with the full value, before the device acts — so it also carries the full exit
 * code written to isa-debug-exit (which then ends QEMU).
 *
 * Invariants: only writes to the debug ports by the expected region count (0x524–0x52C hit the
 * unassigned "io" region, 0x520 hits "isa-debug-exit"). A stamp gives the most recent marker
 * that has no count yet its count; stamps are 32-bit and are accumulated across wraps, so two
 * stamps must be less than 2^32 instructions apart.
 */
import { DEBUG_EXIT_PORT, DEBUG_MARKER_PORT, DEBUG_STAMP_PORT, DEBUG_VALUE_PORT } from "./debug-device.js";
import { InstructionCount } from "./instruction-count.js";

export type DebugWrite =
  | { readonly kind: "exit"; readonly value: number }
  | { readonly kind: "marker"; readonly value: number }
  | { readonly kind: "value"; readonly value: number }
  | { readonly kind: "stamp"; readonly value: number };

/** QEMU's own name for an I/O write to no device (the PC machine's "io" container). */
const UNASSIGNED_REGION = "io";
const EXIT_REGION = "isa-debug-exit";

const PORTS = new Map<number, { kind: DebugWrite["kind"]; region: string }>([
  [DEBUG_EXIT_PORT, { kind: "exit", region: EXIT_REGION }],
  [DEBUG_MARKER_PORT, { kind: "marker", region: UNASSIGNED_REGION }],
  [DEBUG_VALUE_PORT, { kind: "value", region: UNASSIGNED_REGION }],
  [DEBUG_STAMP_PORT, { kind: "stamp", region: UNASSIGNED_REGION }],
]);

// e.g. "memory_region_ops_write cpu 0 mr 0x55… addr 0x528 value 0x7 size 4 name 'io'"
// (with `-msg timestamp=on` QEMU prefixes "pid@seconds:", hence no anchor).
const TRACE_LINE =
  /memory_region_ops_write cpu \S+ mr \S+ addr 0x([0-9a-f]+) value 0x([0-9a-f]+) size \d+ name '([^']*)'/;

export function parseDebugWrite(line: string): DebugWrite | null {
  const match = TRACE_LINE.exec(line);
  if (match === null) return null;
  const port = PORTS.get(Number.parseInt(match[1] as string, 16));
  if (port === undefined || port.region !== match[3]) return null;
  return { kind: port.kind, value: Number.parseInt(match[2] as string, 16) >>> 0 };
}

export interface QemuMarker {
  readonly id: number;
  /** The marker out's instruction count since CPU reset, from the stamp after it; null without one. */
  instructions: number | null;
}

export class QemuDebugLog {
  exitCode: number | null = null;
  readonly values: number[] = [];
  readonly markers: QemuMarker[] = [];
  private latestStamp = 0;
  private readonly stamps = new InstructionCount(() => this.latestStamp);

  /** `countMarkers` false (no icount): rdtsc is not an instruction count, stamps are ignored. */
  constructor(private readonly countMarkers: boolean) {}

  apply(write: DebugWrite): void {
    if (write.kind === "exit") this.exitCode = write.value;
    else if (write.kind === "value") this.values.push(write.value);
    else if (write.kind === "marker") this.markers.push({ id: write.value, instructions: null });
    else this.stamp(write.value);
  }

  private stamp(value: number): void {
    this.latestStamp = value;
    const total = this.stamps.sample();
    const last = this.markers.at(-1);
    if (this.countMarkers && last !== undefined && last.instructions === null) last.instructions = total;
  }
}
