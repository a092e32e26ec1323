import { describe, expect, it } from "vitest";
import { bootDisk, bootQemuDisk, DEBUG_EXIT_PORT, qemuAvailable } from "../src/index.js";

/** A 512-byte boot sector: real-mode code at 0x7C00, signature 0x55AA at the end. */
function bootSector(code: number[]): Uint8Array {
  const sector = new Uint8Array(512);
  sector.set(code);
  sector[510] = 0x55;
  sector[511] = 0xaa;
  return sector;
}

// 16-bit real-mode encodings (no operand-size prefix needed for 16-bit operands).
const printOk = [0xba, 0xf8, 0x03, 0xb0, 0x4f, 0xee, 0xb0, 0x4b, 0xee]; // mov dx,0x3f8; mov al,'O'; out; mov al,'K'; out
const exitWith = (code: number) => [
  ...[0xba, DEBUG_EXIT_PORT & 0xff, DEBUG_EXIT_PORT >> 8], // mov dx, exit port
  ...[0xb8, code & 0xff, code >> 8], // mov ax, code
  0xef, // out dx, ax
  0xfa, // cli
  0xf4, // hlt
];
// int 13h, AH=03: write 1 sector from ES:BX = 0:0x7C00 to cylinder 0, head 0, sector 2 of drive 0x80.
const copyBootSectorToSector2 = [
  ...[0x31, 0xc0, 0x8e, 0xc0], // xor ax, ax; mov es, ax
  ...[0xbb, 0x00, 0x7c], // mov bx, 0x7c00
  ...[0xb8, 0x01, 0x03], // mov ax, 0x0301
  ...[0xb9, 0x02, 0x00], // mov cx, 0x0002
  ...[0xba, 0x80, 0x00], // mov dx, 0x0080
  ...[0xcd, 0x13], // int 0x13
];

describe("bootDisk with SeaBIOS", () => {
  it("boots a boot sector that prints to COM1 and exits through the debug device", async () => {
    const disk = new Uint8Array(64 * 512);
    disk.set(bootSector([...printOk, ...exitWith(7)]));
    const result = await bootDisk(disk);
    expect(result.exitCode).toBe(7);
    expect(result.serial).toBe("OK"); // SeaBIOS itself prints nothing to COM1
  });

  it("writes guest disk writes back into the caller's image, even a view into a larger buffer", async () => {
    const backing = new ArrayBuffer(66 * 512);
    const disk = new Uint8Array(backing, 512, 64 * 512);
    const sector = bootSector([...copyBootSectorToSector2, ...printOk, ...exitWith(0)]);
    disk.set(sector);
    const result = await bootDisk(disk);
    expect(result.exitCode).toBe(0);
    expect(disk.subarray(512, 1024)).toEqual(sector);
    expect(new Uint8Array(backing, 0, 512).every((byte) => byte === 0)).toBe(true);
  });
});

describe.skipIf(!qemuAvailable())("bootQemuDisk", () => {
  it("boots the same boot sector from a raw IDE disk in QEMU", async () => {
    const disk = new Uint8Array(64 * 512);
    disk.set(bootSector([...printOk, ...exitWith(7)]));
    const result = await bootQemuDisk(disk, { timeoutMs: 20_000 });
    expect(result.exitCode).toBe(7);
    expect(result.serial).toBe("OK");
    expect(result.reason).toBe("exit");
  });
});
