import { copyFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { bootMultiboot } from "@sawmill/emulator";
import { assembleIdlStubs } from "@sawmill/idl";
import { buildComponent, buildSystemImage, layout } from "@sawmill/kernel";
import { describe, expect, it } from "vitest";
import { prepareMemory } from "../src/index.js";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The library staged with its generated stubs, the fixtures (test/assembly) beside it. */
function stage(): string {
  const dir = prepareMemory(here("../build/test-apps/separate"), "separate");
  for (const file of readdirSync(here("./assembly")))
    copyFileSync(here(`./assembly/${file}`), `${dir}/${file}`);
  return dir;
}

describe("dataspaces, the region mapper and shared buffers", () => {
  it("pages through two stacked managers, reuses closed dataspaces, detaches, refuses a 17th region, shares read-only and transfers ownership", async () => {
    const dir = stage();
    const extraObjects = [assembleIdlStubs({ memoryBase: layout.Address.USER_MEMORY })];
    const [root, child] = await Promise.all([
      buildComponent(`${dir}/root.ts`),
      buildComponent(`${dir}/child.ts`, { extraObjects }),
    ]);
    const elf = await buildSystemImage({ root: root.elf, entries: [{ name: "child", bytes: child.elf }] });
    const result = await bootMultiboot(elf, { memoryMiB: 64, maxInstructions: 20_000_000 });
    const { serial } = result;
    expect(serial).toContain("client: 4 pages through two stacked managers, stamped and writable");
    expect(serial).toContain("client: the read-only view of the shared buffer says 0x5eedf00d");
    expect(serial).toContain("root: exception from child 3: vector 14 address 0x88000008 error 0x00000007");
    expect(serial).toContain("root: exception from child 3: vector 14 address 0x90000000 error 0x00000004");
    // close frees: 80 rounds of 8 pages would need 640 pages and 80 ids without reuse
    expect(serial).toContain(
      "client: 80 of 80 rounds opened, filled and closed 8 zeroed pages (640 pages through a 64-page pool)",
    );
    expect(serial).toContain(
      "client: 16 regions attached, the next refused with 0x00000030; overlapping: 0x00000031; detached twice: 0x00000032",
    );
    // detach unmaps: the next touch is a fault the region mapper does not resolve
    expect(serial).toContain("client: detached a region that held 0xde7ac4ed, status 0x00000000");
    expect(serial).toContain("root: exception from child 3: vector 14 address 0x98000000 error 0x00000004");
    // transfer: the consumer has the data and owns the dataspace; the producer has neither
    expect(serial).toContain("consumer: shared buffer says 0x5eedf00d, transferred buffer says 0x7a110c8d");
    expect(serial).toContain("consumer: the stacked manager says its size is 0x00001000");
    expect(serial).toContain("client: after the transfer the stacked manager answers 0x00000023");
    expect(serial).toContain("root: exception from child 3: vector 14 address 0x9c000000 error 0x00000004");
    expect(serial).toContain("root: exception from child 4: vector 14 address 0xa0000008 error 0x00000007");
    expect(serial).not.toContain("unexpected");
    expect(serial).not.toContain("check failed");
    expect(serial).not.toMatch(/over its budget|outside its memory/);
    expect(result.exitCode).toBe(0x70);
    expect(result.instructions).toBeLessThan(10_000_000); // measured: about 4.98 M, kernel boot included
  });
});
