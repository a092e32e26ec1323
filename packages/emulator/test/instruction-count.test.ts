import { describe, expect, it } from "vitest";
import { bootMultiboot, InstructionCount } from "../src/index.js";
import { exit, marker, multibootGuest, x86 } from "./guest.js";

/** Instructions in `marker(id)`: mov eax, mov dx, out. */
const MARKER_LENGTH = 3;

const nops = (count: number) => Array.from({ length: count }, () => 0x90);

describe("InstructionCount", () => {
  it("accumulates across the 32-bit wrap of v86's counter", () => {
    const readings = [0xfffffff0, 0xfffffffa, 0x00000005, 0x7fffffff, 0xfffffff0, 0x10];
    let next = 0;
    const count = new InstructionCount(() => readings[next]);
    const totals = readings.slice(1).map(() => {
      next++;
      return count.sample();
    });
    expect(totals).toEqual([10, 21, 21 + 0x7ffffffa, 21 + 0x7ffffffa + 0x7ffffff1, 0x100000020]);
  });
});

describe("marker instruction counts", () => {
  it("differ by exactly the instructions executed between the markers", async () => {
    for (const between of [0, 1, 7, 1000]) {
      const elf = multibootGuest([...marker(1), ...nops(between), ...marker(2), ...exit(0)]);
      const { markers } = await bootMultiboot(elf);
      expect(markers.map((m) => m.id)).toEqual([1, 2]);
      // The first marker counts its own three instructions; the second adds `between` + its three.
      expect(markers[0].instructions).toBe(MARKER_LENGTH);
      expect(markers[1].instructions - markers[0].instructions).toBe(between + MARKER_LENGTH);
    }
  });

  it("stay exact around a hot loop that v86 compiles to wasm", async () => {
    const iterations = 1_000_000;
    const body = [...nops(5), ...x86.decEcx()];
    const loop = [...x86.movEcx(iterations), ...body, ...x86.jnzBack(body.length)];
    const elf = multibootGuest([...marker(1), ...loop, ...marker(2), ...exit(0)]);
    const { markers } = await bootMultiboot(elf);
    expect(markers[1].instructions - markers[0].instructions).toBe(1 + iterations * 7 + MARKER_LENGTH);
  });

  it("are exact at every iteration of a loop, before and after JIT compilation, and repeatable", async () => {
    const iterations = 20_000;
    const body = [...marker(9), ...nops(40), ...x86.decEcx()];
    const elf = multibootGuest([...x86.movEcx(iterations), ...body, ...x86.jnzBack(body.length), ...exit(0)]);
    const first = await bootMultiboot(elf);
    const counts = first.markers.map((m) => m.instructions);
    expect(counts).toHaveLength(iterations);
    expect(counts[0]).toBe(1 + MARKER_LENGTH);
    const deltas = new Set(counts.slice(1).map((count, i) => count - counts[i]));
    expect([...deltas]).toEqual([MARKER_LENGTH + 40 + 2]);
    const second = await bootMultiboot(elf);
    expect(second.markers).toEqual(first.markers);
    expect(second.instructions).toBe(first.instructions);
  });
});
