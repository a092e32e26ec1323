// End to end: the SawMill system image (kernel, boot archive, root task) written to a raw disk
// image by @sawmill/image's writeDiskImage and booted from the disk through SeaBIOS, our boot
// sector and loader — in v86, and in QEMU where it is installed.
import { fileURLToPath } from "node:url";
import { bootDisk, bootQemuDisk, qemuAvailable } from "@sawmill/emulator";
import { writeDiskImage } from "@sawmill/image";
import { buildComponent, buildSystemImage } from "@sawmill/kernel";
import { beforeAll, describe, expect, it } from "vitest";

const helloRoot = fileURLToPath(new URL("../packages/kernel/test/assembly/hello-root.ts", import.meta.url));

describe("the SawMill system from a disk image", () => {
  let disk: Uint8Array;
  beforeAll(async () => {
    const root = await buildComponent(helloRoot);
    disk = writeDiskImage(await buildSystemImage({ root: root.elf }));
  });

  it("boots in v86 with SeaBIOS: the root task prints from ring 3 and exits", async () => {
    const result = await bootDisk(disk, { memoryMiB: 64, maxInstructions: 100_000_000, timeoutMs: 60_000 });
    expect(result.serial).toContain("SawMill kernel");
    expect(result.serial).toContain("hello from ring 3");
    expect(result.exitCode).toBe(0x42);
  });

  it.skipIf(!qemuAvailable())("boots in QEMU from an IDE disk the same way", async () => {
    const result = await bootQemuDisk(disk, { memoryMiB: 64, timeoutMs: 60_000 });
    expect(result.serial).toContain("hello from ring 3");
    expect(result.exitCode).toBe(0x42);
  });

  it("is deterministic: two builds, identical disk images", async () => {
    const root = await buildComponent(helloRoot);
    expect(writeDiskImage(await buildSystemImage({ root: root.elf }))).toEqual(disk);
  });
});
