import { FAST_PATH_MARKERS as M, MARKER_OVERHEAD, REPLY_MARKER_OFFSET } from "@sawmill/kernel";
import { describe, expect, it } from "vitest";
import { type Marker, perRoundTrip, sectionsPerRoundTrip } from "./ipc-markers.js";

/** A fast system call's markers from `at`, with the given section lengths (markers' own code added). */
function fastCall(at: number, lengths: number[], reply: boolean): Marker[] {
  const offset = reply ? REPLY_MARKER_OFFSET : 0;
  const ids = [M.DISPATCHED, M.CAP_FOUND, M.TRANSFERRED, M.SWITCHED, M.EXITING].map((id) => id + offset);
  const markers: Marker[] = [{ id: M.FRAME_SAVED, instructions: at }];
  let now = at;
  ids.forEach((id, k) => {
    now += lengths[k]! + MARKER_OVERHEAD;
    markers.push({ id, instructions: now });
  });
  return markers;
}

describe("IPC benchmark markers", () => {
  it("takes the cheapest client span per round trip", () => {
    const markers = [0, 5000, 9000, 14000].map((instructions, i) => ({ id: 0x100 + i, instructions }));
    expect(perRoundTrip(markers, 10)).toBe(400);
  });

  it("averages each fast-path section over the calls and replies inside the spans, skipping declined ones", () => {
    const markers: Marker[] = [
      ...fastCall(0, [9, 9, 9, 9, 9], false), // before the first client marker: ignored
      { id: 0x100, instructions: 1000 },
      ...fastCall(2000, [10, 12, 30, 11, 2], false),
      ...fastCall(3000, [10, 14, 40, 13, 2], true),
      { id: M.FRAME_SAVED, instructions: 3500 }, // declined: no further fast-path markers
      { id: M.DISPATCHED, instructions: 3520 },
      { id: 0x101, instructions: 4000 },
    ];
    expect(sectionsPerRoundTrip(markers)).toEqual({
      entry: 10 + 10 + 6,
      "capability lookup": 26,
      "checks and transfer": 70,
      switch: 24,
      exit: 2 + 2 + 6,
    });
  });
});
