import { describe, expect, it } from "vitest";
import { instructionsBetween } from "../src/index.js";

describe("instructionsBetween", () => {
  const markers = [
    { id: 1, instructions: 100 },
    { id: 2, instructions: 130 },
    { id: 1, instructions: 200 },
    { id: 3, instructions: null },
  ];

  it("spans from the first `from` to the first `to` after it", () => {
    expect(instructionsBetween(markers, 1, 2)).toBe(30);
    expect(instructionsBetween(markers, 2, 1)).toBe(70);
  });

  it("is null when a marker is missing, out of order or uncounted", () => {
    expect(instructionsBetween(markers, 4, 1)).toBeNull();
    expect(instructionsBetween(markers, 1, 4)).toBeNull();
    expect(instructionsBetween(markers, 1, 3)).toBeNull();
  });
});
