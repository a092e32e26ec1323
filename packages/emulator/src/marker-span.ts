/**
 * instructionsBetween: the instruction count from one marker to another, for either emulator.
 *
 * Layer: host, @sawmill/emulator. Works on BootResult.markers (v86) and QemuBootResult.markers
 * (QEMU, where counts can be null and start at CPU reset): only differences are comparable
 * across emulators, so this is the measurement benchmarks should report.
 *
 * Invariant: the span is counted from the first marker `from` to the first marker `to` after it,
 * i.e. the instructions after `from`'s out up to and including `to`'s out. null when either is
 * missing or uncounted.
 */

export interface CountedMarker {
  readonly id: number;
  readonly instructions: number | null;
}

export function instructionsBetween(
  markers: readonly CountedMarker[],
  from: number,
  to: number,
): number | null {
  const start = markers.findIndex((marker) => marker.id === from);
  if (start < 0) return null;
  const end = markers.slice(start + 1).find((marker) => marker.id === to);
  const first = markers[start]?.instructions ?? null;
  const last = end?.instructions ?? null;
  return first === null || last === null ? null : last - first;
}
