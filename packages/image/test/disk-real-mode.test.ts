import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SECTOR_SIZE, writeDiskImage } from "../src/index.js";
import { diskKernel } from "./disk-kernel.js";

/** GNU objdump's 16-bit (i8086) listing of `bytes` at `address`: "address: instruction" lines. */
function disassemble16(bytes: Uint8Array, address: number): string[] {
  const directory = mkdtempSync(join(tmpdir(), "sawmill-disk-"));
  try {
    const path = join(directory, "code.bin");
    writeFileSync(path, bytes);
    const args = [
      "-D",
      "-b",
      "binary",
      "-m",
      "i8086",
      "-M",
      "intel",
      `--adjust-vma=0x${address.toString(16)}`,
    ];
    const output = execFileSync("objdump", [...args, path], { encoding: "utf8" });
    return output
      .split("\n")
      .map((line) => /^\s*([0-9a-f]+):\t(?:[0-9a-f]{2} )+\s*\t(.*)$/.exec(line))
      .filter((match) => match !== null)
      .map((match) => `${match[1]}: ${match[2].replace(/\s+/g, " ").trim()}`);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

const elf = diskKernel();
const disk = writeDiskImage(elf);
const loaderSectors = disk.length / SECTOR_SIZE - 1 - Math.ceil(elf.length / SECTOR_SIZE);

// The real-mode code is written with the 32-bit assembler plus explicit prefixes (real-mode.ts);
// these listings pin what a 16-bit CPU decodes, which a boot only shows indirectly.
describe("the disk loader's real-mode code, decoded as 16-bit code", () => {
  it("boot sector: segments, stack, LBA read of the loader, jump to 0:7E00, failure path", () => {
    const listing = disassemble16(disk.subarray(0, 0x76), 0x7c00);
    expect(listing).toEqual([
      "7c00: cli",
      "7c01: xor ax,ax",
      "7c03: mov ds,ax",
      "7c05: mov es,ax",
      "7c07: mov ss,ax",
      "7c09: mov esp,0x7c00",
      "7c0f: jmp 0x0:0x7c17",
      "7c17: sti",
      "7c18: addr32 mov BYTE PTR ds:0x7c88,dl",
      "7c1f: mov ah,0x41",
      "7c21: mov ebx,0x55aa",
      "7c27: int 0x13",
      "7c29: jb 0x7c54",
      "7c2b: cmp ebx,0xaa55",
      "7c32: jne 0x7c54",
      "7c34: test cl,0x1",
      "7c37: je 0x7c54",
      "7c39: mov esi,0x7c78",
      "7c3f: mov ah,0x42",
      "7c41: addr32 mov dl,BYTE PTR ds:0x7c88",
      "7c48: int 0x13",
      "7c4a: jb 0x7c54",
      "7c4c: jmp 0x0:0x7e00",
      "7c54: mov esi,0x7c89",
      "7c5a: mov al,BYTE PTR [esi]",
      "7c5d: test al,al",
      "7c5f: je 0x7c72",
      "7c61: mov edx,0x3f8",
      "7c67: out dx,al",
      "7c68: mov ah,0xe",
      "7c6a: xor bx,bx",
      "7c6c: int 0x10",
      "7c6e: inc esi",
      "7c70: jmp 0x7c5a",
      "7c72: cli",
      "7c73: hlt",
      "7c74: jmp 0x7c72",
    ]);
    // The disk address packet: 16 bytes, the loader's sectors, to 0000:7E00, from LBA 1.
    const packet = [16, 0, loaderSectors, 0, 0, 0x7e, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0];
    expect([...disk.subarray(0x78, 0x88)]).toEqual(packet);
  });

  it("loader entry: A20, lgdt, CR0.PE, far jump into 32-bit code", () => {
    const listing = disassemble16(disk.subarray(SECTOR_SIZE, SECTOR_SIZE + 0x2a), 0x7e00);
    expect(listing.map((line) => line.replace(/0x83[0-9a-f]{2}/, "GDT"))).toEqual([
      "7e00: cli",
      "7e01: mov eax,0x2401",
      "7e07: int 0x15",
      "7e09: in al,0x92",
      "7e0b: or al,0x2",
      "7e0d: and al,0xfe",
      "7e0f: out 0x92,al",
      "7e11: addr32 lgdtd ds:GDT",
      "7e1a: mov eax,cr0",
      "7e1d: or al,0x1",
      "7e1f: mov cr0,eax",
      "7e22: jmp 0x8:0x7e2a",
    ]);
  });
});
