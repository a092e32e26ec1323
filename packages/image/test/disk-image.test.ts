import { bootDisk } from "@sawmill/emulator";
import { describe, expect, it } from "vitest";
import { DEFAULT_LOADER_NAME, MULTIBOOT_BOOTLOADER_MAGIC, SECTOR_SIZE, writeDiskImage } from "../src/index.js";
import { checksum, diskKernel, EXIT_CODE, PATTERN } from "./disk-kernel.js";

const elf = diskKernel();
const disk = writeDiskImage(elf);
const nameWord = new DataView(new TextEncoder().encode(DEFAULT_LOADER_NAME).buffer).getUint32(0, true);

describe("writeDiskImage in v86 (SeaBIOS)", () => {
  it("boots the kernel with the multiboot contract", async () => {
    const result = await bootDisk(disk, { memoryMiB: 32, timeoutMs: 60_000 });
    console.log(result.serial, result.values.map((v) => v.toString(16)), result.instructions);
    expect(result.exitCode).toBe(EXIT_CODE);
    const [magic, flags, memUpper, ramTop, sum, name] = result.values;
    expect(magic).toBe(MULTIBOOT_BOOTLOADER_MAGIC);
    expect(flags).toBe(0x241);
    expect(ramTop).toBe(0x100000 + memUpper * 1024);
    expect(sum).toBe(checksum(PATTERN));
    expect(name).toBe(nameWord);
  });
});
void SECTOR_SIZE;
