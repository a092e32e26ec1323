import { fileURLToPath } from "node:url";
import { bootMultiboot } from "@sawmill/emulator";
import { buildComponent, buildSystemImage } from "@sawmill/kernel";
import { describe, expect, it } from "vitest";

const fixture = (name: string) => fileURLToPath(new URL(`./assembly/${name}`, import.meta.url));

describe("dataspaces and the region mapper", () => {
  it("pages through two stacked managers; shares buffers read-only and by grant; unattached and read-only faults reach the exception handler", async () => {
    const [root, child] = await Promise.all([
      buildComponent(fixture("root.ts")),
      buildComponent(fixture("child.ts")),
    ]);
    const elf = await buildSystemImage({ root: root.elf, entries: [{ name: "child", bytes: child.elf }] });
    const result = await bootMultiboot(elf, { memoryMiB: 64, maxInstructions: 50_000_000 });
    expect(result.instructions).toBeLessThan(50_000_000);
    expect(result.serial).toContain("client: 4 pages through two stacked managers, stamped and writable");
    expect(result.serial).toContain("client: the read-only view of the shared buffer says 0x5eedf00d");
    expect(result.serial).toMatch(
      /root: exception from child 3: vector 14 address 0x88000008 error 0x00000007/,
    );
    expect(result.serial).toMatch(
      /root: exception from child 3: vector 14 address 0x90000000 error 0x00000004/,
    );
    expect(result.serial).toContain("consumer: shared buffer says 0x5eedf00d, granted page says 0x0000a003");
    expect(result.serial).toMatch(
      /root: exception from child 4: vector 14 address 0xa0000008 error 0x00000007/,
    );
    expect(result.serial).not.toContain("unexpected");
    expect(result.exitCode).toBe(0x70);
  });
});
