import { fileURLToPath } from "node:url";
import { bootMultiboot } from "@sawmill/emulator";
import { describe, expect, it } from "vitest";
import { buildComponent, buildSystemImage } from "../src/index.js";

const fixture = (name: string) => fileURLToPath(new URL(`./assembly/${name}`, import.meta.url));

/** Boots `rootFixture` as the root task with memory-child.ts in the archive as "child". */
async function bootWithChild(rootFixture: string, virtualClock = false) {
  const [root, child] = await Promise.all([
    buildComponent(fixture(rootFixture)),
    buildComponent(fixture("memory-child.ts")),
  ]);
  const elf = await buildSystemImage({ root: root.elf, entries: [{ name: "child", bytes: child.elf }] });
  return bootMultiboot(elf, { memoryMiB: 64, maxInstructions: 100_000_000, virtualClock });
}

describe("memory", () => {
  it("pages a new task on demand through a user-level pager", async () => {
    const result = await bootWithChild("memory-paging-root.ts");
    expect(result.serial).toContain("child: wrote and read back every page");
    const faults = /page faults: (\d+), in the touched range: (\d+)/.exec(result.serial);
    expect(faults?.[2]).toBe("16");
    expect(Number(faults?.[1])).toBeGreaterThan(16);
    expect(result.exitCode).toBe(0x60);
  });

  it("unmap revokes every mapping derived from the caller's, in every address space", async () => {
    const result = await bootWithChild("memory-unmap-root.ts");
    expect(result.serial).toContain("A: root's page says 0x5eed0001");
    expect(result.serial).toContain("B: the page A mapped says 0x5eed0001");
    const order = [
      "root: unmapped its page from everyone it reached",
      "root: B faulted on the revoked page at 0x50600000",
      "page fault at eip",
      "root: A faulted on the revoked page at 0x50400000",
      "root: its own mapping is intact",
    ].map((line) => result.serial.indexOf(line));
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]))).toBe(true);
    expect(result.serial).not.toContain("unexpected");
    expect(result.exitCode).toBe(0x61);
  });

  it("stops tasks that write outside their rights while another keeps running", async () => {
    const result = await bootWithChild("memory-protection-root.ts");
    const stopped = (address: string) =>
      new RegExp(`page fault at eip 0x[0-9a-f]+ address ${address} error 0x00000007; task ended`);
    expect(result.serial).toMatch(stopped("0x00100000"));
    expect(result.serial).toContain("D: read-only page says 0x0dd00002");
    expect(result.serial).toContain("root: D wrote to its read-only page; answered read-only again");
    expect(result.serial).toMatch(stopped("0x50800000"));
    expect(result.serial).toMatch(
      /page fault at eip 0x[0-9a-f]+ address 0x50a00000 error 0x00000006; task ended/,
    );
    expect(result.serial).toContain(
      "F: still running after the others were stopped; my page at the address of D's says 0x00000000",
    );
    expect(result.serial).toContain("root: the read-only page is unchanged");
    expect(result.serial).toContain(
      "root: faults at kernel addresses that reached the pager: 0; F's faults on the page it unmapped itself: 2",
    );
    expect(result.serial).not.toContain("unexpected");
    expect(result.exitCode).toBe(0x62);
  });

  it("places flexpages of different sizes as L4 does; grant moves a page (read-only: and what derives from it); a task's end revokes", async () => {
    const result = await bootWithChild("memory-grant-root.ts", true);
    expect(result.serial).toContain("A: root's 16 KiB flexpage arrived page by page");
    expect(result.serial).toContain("B: 16 KiB landed at the start of my 32 KiB window");
    expect(result.serial).toContain("B: the granted page says 0x4a110001");
    expect(result.serial).toContain(
      "root: B's write through a mapping derived from a read-only grant faulted",
    );
    expect(result.serial).toContain("root: B's write through the granted page reached root's frame");
    expect(result.serial).toContain("root: A faulted on the page it granted away; refused");
    expect(result.serial).toContain("B: after A's end the granted page still says 0x0000600d");
    expect(result.serial).toContain("root: B lost the pages A had mapped to it when A ended");
    expect(result.serial).not.toContain("unexpected");
    expect(result.exitCode).toBe(0x63);
  });
});
