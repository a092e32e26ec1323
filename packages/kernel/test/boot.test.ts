import { fileURLToPath } from "node:url";
import { bootMultiboot } from "@sawmill/emulator";
import { describe, expect, it } from "vitest";
import { buildComponent, buildSystemImage } from "../src/index.js";

const fixture = (name: string) => fileURLToPath(new URL(`./assembly/${name}`, import.meta.url));

describe("kernel boot", () => {
  it("starts the root task in ring 3 from the boot archive", async () => {
    const root = await buildComponent(fixture("hello-root.ts"));
    const elf = await buildSystemImage({ root: root.elf });
    const result = await bootMultiboot(elf, { memoryMiB: 64, maxInstructions: 50_000_000 });
    expect(result.serial).toContain("SawMill kernel");
    expect(result.serial).toContain("hello from ring 3");
    expect(result.exitCode).toBe(0x42);
  });
});
