import { bootDisk, bootQemuDisk, qemuAvailable } from "@sawmill/emulator";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_LOADER_NAME,
  link,
  MULTIBOOT_BOOTLOADER_MAGIC,
  SECTOR_SIZE,
  writeDiskImage,
  writeMultibootElf,
} from "../src/index.js";
import { checksum, diskKernel, EXIT_CODE, PATTERN } from "./disk-kernel.js";
import { global, makeObject } from "./make-object.js";

const elf = diskKernel();
const disk = writeDiskImage(elf);
const view = new DataView(disk.buffer);
const nameWord = new DataView(new TextEncoder().encode(DEFAULT_LOADER_NAME).buffer).getUint32(0, true);
/** Sectors: 1 boot sector + L loader sectors + the ELF's. */
const elfSectors = Math.ceil(elf.length / SECTOR_SIZE);
const loaderSectors = disk.length / SECTOR_SIZE - 1 - elfSectors;

/** The values the disk kernel reports, checked against what the loader must have given it. */
function expectMultibootContract(values: readonly number[], memoryMiB: number): void {
  const [magic, flags, memUpper, ramTop, sum, name] = values;
  expect(magic).toBe(MULTIBOOT_BOOTLOADER_MAGIC);
  expect(flags).toBe(0x241); // memory fields, memory map, boot loader name
  expect(ramTop).toBe(0x100000 + memUpper * 1024);
  expect(ramTop).toBeGreaterThan((memoryMiB - 1) * 0x100000);
  expect(ramTop).toBeLessThanOrEqual(memoryMiB * 0x100000);
  expect(sum).toBe(checksum(PATTERN));
  expect(name).toBe(nameWord);
}

describe("writeDiskImage layout", () => {
  it("puts the boot sector, the loader and the ELF in consecutive sectors", () => {
    expect(disk.length % SECTOR_SIZE).toBe(0);
    expect(view.getUint16(510, true)).toBe(0xaa55);
    expect(loaderSectors).toBeGreaterThan(0);
    expect(loaderSectors).toBeLessThanOrEqual(4);
    const at = (1 + loaderSectors) * SECTOR_SIZE;
    expect(disk.subarray(at, at + elf.length)).toEqual(elf);
    expect(disk.subarray(at + elf.length).every((byte) => byte === 0)).toBe(true);
  });

  it("has one active partition covering sectors 1 to the end, and reads the loader from sector 1", () => {
    const entry = disk.subarray(446, 462);
    expect(entry[0]).toBe(0x80);
    expect(entry[4]).toBe(0xda);
    expect(view.getUint32(446 + 8, true)).toBe(1);
    expect(view.getUint32(446 + 12, true)).toBe(disk.length / SECTOR_SIZE - 1);
    expect(disk.subarray(462, 510).every((byte) => byte === 0)).toBe(true);
    expect([...entry.subarray(1, 4)]).toEqual([0, 2, 0]); // CHS of LBA 1
  });

  it("is deterministic: two writes, identical bytes", () => {
    expect(writeDiskImage(diskKernel())).toEqual(disk);
    expect(writeDiskImage(elf, { loaderName: "other" })).not.toEqual(disk);
  });

  it("rejects what the loader cannot load, saying why", () => {
    const kernelAt = (base: number) => {
      const object = makeObject({ text: [0xf4], symbols: [global("start", "text")] });
      return writeMultibootElf(link([object], { base, entry: "start" }));
    };
    expect(() => writeDiskImage(kernelAt(0x80000))).toThrow(
      "disk image: segment [0x80000, 0x80001) lies below 1 MiB, in the loader's memory",
    );
    expect(() => writeDiskImage(Uint8Array.of(1, 2, 3))).toThrow(
      "disk image: 3 bytes is too short for an ELF header",
    );
    const notElf = new Uint8Array(64);
    expect(() => writeDiskImage(notElf)).toThrow("disk image: not an ELF32 little-endian file");
    const truncated = elf.slice(0, 0x2000);
    expect(() => writeDiskImage(truncated)).toThrow(/disk image: segment \d+'s bytes lie outside the file/);
    const table = elf.subarray(52, 52 + 32 * new DataView(elf.buffer).getUint16(44, true));
    const farHeaders = new Uint8Array(elf.length + table.length); // the table again, past 32 KiB
    farHeaders.set(elf);
    farHeaders.set(table, elf.length);
    new DataView(farHeaders.buffer).setUint32(28, elf.length, true);
    expect(() => writeDiskImage(farHeaders)).toThrow(
      /the loader needs the program headers within the ELF's first 32768 bytes and at most 128 of them/,
    );
    const badName = "disk image: the loader name must be at most 255 bytes of UTF-8 without NUL";
    expect(() => writeDiskImage(elf, { loaderName: "a\0b" })).toThrow(badName);
    expect(() => writeDiskImage(elf, { loaderName: "ü".repeat(128) })).toThrow(badName);
    expect(() => writeDiskImage(elf, { loaderName: "x".repeat(255) })).not.toThrow();
  });
});

describe("writeDiskImage in v86 (Debian's SeaBIOS)", () => {
  it("boots the kernel with the multiboot contract: magic, memory map, loaded segments", async () => {
    const result = await bootDisk(disk, { memoryMiB: 32, timeoutMs: 60_000 });
    expect(result.exitCode).toBe(EXIT_CODE);
    expectMultibootContract(result.values, 32);
    expect(result.serial).toBe("");
  });

  it("reports a kernel that does not fit the machine's memory instead of loading it", async () => {
    const large = writeDiskImage(diskKernel([{ address: 40 * 0x100000, bytes: Uint8Array.of(1) }]));
    const result = await bootDisk(large, { memoryMiB: 32, timeoutMs: 60_000 });
    expect(result.exitCode).toBeNull();
    expect(result.reason).toBe("halted");
    expect(result.serial).toBe(
      "sawmill loader: not enough memory: the kernel ends beyond the RAM above 1 MiB\r\n",
    );
    const fits = await bootDisk(large, { memoryMiB: 48, timeoutMs: 60_000 });
    expect(fits.exitCode).toBe(EXIT_CODE);
    expectMultibootContract(fits.values, 48);
  });
});

describe.skipIf(!qemuAvailable())("writeDiskImage in QEMU", () => {
  it("boots the same disk image from an IDE disk", async () => {
    const result = await bootQemuDisk(disk, { memoryMiB: 32, timeoutMs: 30_000 });
    expect(result.exitCode).toBe(EXIT_CODE);
    expectMultibootContract(result.values, 32);
  });
});
