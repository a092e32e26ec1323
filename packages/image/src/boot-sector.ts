/**
 * The boot sector (disk sector 0, run by the BIOS at 0x7C00 in real mode): reads the loader
 * from sectors 1…L to 0x7E00 with the int 13h extensions (AH=42h, LBA) and jumps to it.
 *
 * Layer: toolchain, @sawmill/image (code emitted into the disk loader's object).
 * Interface: emitBootSector(a, loaderSectors), BOOT_DRIVE (the BIOS drive number, a byte the
 * loader reads again), writePartitionTable(sector0, totalSectors).
 *
 * Real-mode code written with the 32-bit assembler (see real-mode.ts). The code and its data
 * must end before offset 446, where the partition table starts; writeDiskImage checks that.
 * Without the extensions, or when the read fails, it prints a line on the screen and COM1 and
 * halts.
 */
import {
  type Assembler,
  ah,
  al,
  cl,
  dl,
  ds,
  dx,
  eax,
  ebx,
  edx,
  es,
  esi,
  esp,
  m8,
  ss,
  sym,
} from "@sawmill/x86";
import { LOADER_ADDRESS, SECTOR_SIZE, STACK_TOP } from "./disk-layout.js";
import { a32, o32 } from "./real-mode.js";

export const BOOT_DRIVE = "disk_boot_drive";
export const BOOT_SECTOR_END = "disk_boot_sector_end";
const START = "disk_boot_start";
const PACKET = "disk_boot_packet";
const MESSAGE = "disk_boot_message";
const COM1 = 0x3f8;

export const PARTITION_TABLE = 446;
const BOOTABLE = 0x80;
/** "Non-FS data": the partition holds the loader and the kernel, no file system. */
const PARTITION_TYPE = 0xda;

export function emitBootSector(a: Assembler, loaderSectors: number, loaderEntry: string): void {
  a.cli();
  a.xor(eax, eax);
  for (const segment of [ds, es, ss]) a.mov(segment, eax);
  o32(a).mov(esp, STACK_TOP);
  o32(a).jmpFar(0, START); // cs = 0, whichever of 0:7C00 and 07C0:0 the BIOS used
  a.local(START);
  a.sti();
  a32(a).mov(m8({ symbol: BOOT_DRIVE }), dl);
  const failed = a.newLabel();
  a.mov(ah, 0x41); // extensions present?
  o32(a).mov(ebx, 0x55aa);
  a.int(0x13);
  a.jcc("c", failed);
  o32(a).cmp(ebx, 0xaa55);
  a.jcc("ne", failed);
  a.test(cl, 1); // packet-structure access supported
  a.jcc("z", failed);
  o32(a).mov(esi, sym(PACKET));
  a.mov(ah, 0x42);
  a32(a).mov(dl, m8({ symbol: BOOT_DRIVE }));
  a.int(0x13);
  a.jcc("c", failed);
  o32(a).jmpFar(0, loaderEntry);
  a.bind(failed);
  emitFail(a);
  emitBootData(a, loaderSectors);
  a.global(BOOT_SECTOR_END);
}

/** Prints MESSAGE through the BIOS (int 10h teletype) and on COM1, then halts for good. */
function emitFail(a: Assembler): void {
  o32(a).mov(esi, sym(MESSAGE));
  const next = a.label();
  a32(a).mov(al, m8({ base: esi }));
  a.test(al, al);
  const halt = a.newLabel();
  a.jcc("z", halt);
  o32(a).mov(edx, COM1);
  a.out(dx, al);
  a.mov(ah, 0x0e);
  a.xor(ebx, ebx); // page 0
  a.int(0x10);
  o32(a).inc(esi);
  a.jmp(next);
  a.bind(halt);
  a.cli();
  a.hlt();
  a.jmp(halt);
}

/** The int 13h disk address packet (loader sectors 1…L to LOADER_ADDRESS), drive, message. */
function emitBootData(a: Assembler, loaderSectors: number): void {
  a.align(4, 0);
  a.local(PACKET);
  a.db(16, 0);
  a.dw(loaderSectors, LOADER_ADDRESS, 0); // count, offset, segment
  a.dd(1, 0); // LBA (64 bits)
  a.local(BOOT_DRIVE);
  a.db(0);
  a.local(MESSAGE);
  a.bytes(new TextEncoder().encode("sawmill: cannot read the disk (int 13h LBA)\r\n\0"));
}

/**
 * One bootable partition entry covering sectors 1…end (type 0xDA, non-FS data), so BIOSes that
 * look for an active partition before booting a drive (some do for USB disks) accept it.
 */
export function writePartitionTable(sector0: Uint8Array, totalSectors: number): void {
  const view = new DataView(sector0.buffer, sector0.byteOffset, SECTOR_SIZE);
  const at = PARTITION_TABLE;
  sector0.fill(0, at, SECTOR_SIZE - 2);
  view.setUint8(at, BOOTABLE);
  sector0.set(chs(1), at + 1);
  view.setUint8(at + 4, PARTITION_TYPE);
  sector0.set(chs(totalSectors - 1), at + 5);
  view.setUint32(at + 8, 1, true);
  view.setUint32(at + 12, totalSectors - 1, true);
  view.setUint16(SECTOR_SIZE - 2, 0xaa55, true);
}

/** Cylinder/head/sector bytes for an LBA in the usual 255-head, 63-sector geometry (capped). */
function chs(lba: number): number[] {
  const heads = 255;
  const sectors = 63;
  const cylinder = Math.floor(lba / (heads * sectors));
  if (cylinder > 1023) return [0xfe, 0xff, 0xff];
  const head = Math.floor(lba / sectors) % heads;
  const sector = (lba % sectors) + 1;
  return [head, ((cylinder >> 2) & 0xc0) | sector, cylinder & 0xff];
}
