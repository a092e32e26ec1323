/**
 * Reading the IPC benchmark's markers: round trips from the client's spans, and the fast
 * path's sections from an instrumented kernel's markers.
 *
 * Layer: benchmark tooling, host side. Interface: `perRoundTrip(markers, roundTrips)` → the
 * cheapest span's instructions per round trip; `sectionsPerRoundTrip(markers)` → the mean
 * instructions of each fast-path section per round trip (one call plus one reply_recv), from
 * the fast-path system calls inside the client's spans. Markers without a count (QEMU without
 * a stamp) are an error: the caller asked for a measurement that is not there.
 */

import {
  FAST_PATH_MARKERS,
  MARKER_OVERHEAD,
  REPLY_MARKER_OFFSET,
  UNMARKED_ENTRY,
  UNMARKED_EXIT,
} from "@sawmill/kernel";

export interface Marker {
  readonly id: number;
  readonly instructions: number | null;
}

export const SECTIONS = ["entry", "capability lookup", "checks and transfer", "switch", "exit"] as const;
export type Section = (typeof SECTIONS)[number];

const KERNEL_IDS = new Set<number>(
  Object.values(FAST_PATH_MARKERS).flatMap((id) => [id, id + REPLY_MARKER_OFFSET]),
);
/** The marker that ends each section on the call path, in order. */
const SECTION_ENDS = [
  FAST_PATH_MARKERS.DISPATCHED,
  FAST_PATH_MARKERS.CAP_FOUND,
  FAST_PATH_MARKERS.TRANSFERRED,
  FAST_PATH_MARKERS.SWITCHED,
  FAST_PATH_MARKERS.EXITING,
];
/** Instructions of a section outside its markers: `int`, `sub`, `pushad`; `popad`, `add`, `iretd`. */
const UNMARKED = [UNMARKED_ENTRY, 0, 0, 0, UNMARKED_EXIT];

function count(marker: Marker): number {
  if (marker.instructions === null) throw new Error(`marker 0x${marker.id.toString(16)} has no count`);
  return marker.instructions;
}

/** The client's markers (everything the kernel did not write), in order. */
export function clientMarkers(markers: readonly Marker[]): Marker[] {
  return markers.filter((m) => !KERNEL_IDS.has(m.id));
}

/** Instructions per round trip of the cheapest span (a timer tick can only add to a span). */
export function perRoundTrip(markers: readonly Marker[], roundTrips: number): number {
  const client = clientMarkers(markers);
  if (client.length < 2) throw new Error(`expected the client's span markers, got ${client.length}`);
  let best = Number.POSITIVE_INFINITY;
  for (let i = 1; i < client.length; i++) {
    best = Math.min(best, count(client[i]!) - count(client[i - 1]!));
  }
  return best / roundTrips;
}

/** Mean instructions of each section per round trip (call + reply_recv), measured. */
export function sectionsPerRoundTrip(markers: readonly Marker[]): Record<Section, number> {
  const client = clientMarkers(markers);
  const first = markers.indexOf(client[0]!);
  const last = markers.lastIndexOf(client[client.length - 1]!);
  const sums = [0, 0, 0, 0, 0];
  let calls = 0;
  let replies = 0;
  for (let i = first; i < last; i++) {
    if (markers[i]!.id !== FAST_PATH_MARKERS.FRAME_SAVED) continue;
    const sections = fastCall(markers, i);
    if (sections === null) continue;
    if (sections.reply) replies++;
    else calls++;
    sections.spans.forEach((span, k) => {
      sums[k]! += span;
    });
  }
  if (calls === 0 || replies === 0) throw new Error("no fast-path call or reply inside the measured spans");
  const roundTrips = (calls + replies) / 2;
  return Object.fromEntries(SECTIONS.map((name, k) => [name, sums[k]! / roundTrips])) as Record<
    Section,
    number
  >;
}

/** The sections of the fast-path system call whose FRAME_SAVED marker is at `start`, or null if it declined. */
function fastCall(markers: readonly Marker[], start: number): { reply: boolean; spans: number[] } | null {
  const dispatched = markers[start + 1];
  if (dispatched === undefined) return null;
  const reply = dispatched.id === FAST_PATH_MARKERS.DISPATCHED + REPLY_MARKER_OFFSET;
  const offset = reply ? REPLY_MARKER_OFFSET : 0;
  const spans: number[] = [];
  let previous = markers[start]!;
  for (let k = 0; k < SECTION_ENDS.length; k++) {
    const next = markers[start + 1 + k];
    if (next === undefined || next.id !== SECTION_ENDS[k]! + offset) return null;
    spans.push(count(next) - count(previous) - MARKER_OVERHEAD + UNMARKED[k]!);
    previous = next;
  }
  return { reply, spans };
}
