import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GENERATED_LAYOUT, generateAssemblyLayout } from "../src/generate-layout.js";
import { FRAME_END, offsetOf, Thread } from "../src/layout.js";

describe("kernel layout", () => {
  it("the committed AssemblyScript layout is generated from src/layout.ts (npm run generate)", () => {
    expect(readFileSync(GENERATED_LAYOUT, "utf8")).toBe(generateAssemblyLayout());
  });

  it("puts the CPU-pushed frame at the start of the TCB, ending at FRAME_END", () => {
    expect(offsetOf(Thread, "EDI")).toBe(0);
    expect(offsetOf(Thread, "EAX")).toBe(28);
    expect(offsetOf(Thread, "EIP")).toBe(40);
    expect(FRAME_END).toBe(offsetOf(Thread, "SS") + 4);
  });
});
