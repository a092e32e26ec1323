/**
 * The loader's ELF reader: streams the kernel ELF from the disk through the bounce buffer and
 * copies each PT_LOAD segment's file bytes to its physical address, then zeroes its bss.
 *
 * Layer: toolchain, @sawmill/image (32-bit code emitted into the disk loader).
 * Interface: emitLoadElf(a, { elfLba, elfSectors }, failed) defines LOAD_ELF_ROUTINE (call it);
 * ELF_ENTRY (a u32: e_entry, set once loaded); BOOT_DRIVE must hold the BIOS drive number.
 *
 * Chunk k holds file bytes [k·32 KiB, (k+1)·32 KiB) (int 13h AH=42h into BOUNCE_BUFFER). From
 * chunk 0 the program headers are copied to PROGRAM_HEADERS first (writeDiskImage checked that
 * they lie in that chunk and fit). For every PT_LOAD the part of [p_offset, p_offset + p_filesz)
 * inside the chunk goes to p_paddr + (position − p_offset). File offsets are 32-bit: the ELF is
 * smaller than 4 GiB. A failed read → `failed`.
 */
import { type Assembler, cx, eax, ebp, ebx, ecx, edi, edx, esi, m8, m16, m32 } from "@sawmill/x86";
import { BOOT_DRIVE } from "./boot-sector.js";
import { BOUNCE_BUFFER, CHUNK_SECTORS, PROGRAM_HEADERS } from "./disk-layout.js";
import {
  BIOS_CALL,
  BIOS_REGISTERS,
  BiosRegister,
  emitJumpIfCarry,
  emitSetBiosRegister,
  emitSetBiosVector,
} from "./mode-switch.js";

export const LOAD_ELF_ROUTINE = "disk_load_elf";
export const ELF_ENTRY = "disk_elf_entry";
const PACKET = "disk_elf_packet";
const ELF_LBA = "disk_elf_lba";
const ELF_SECTORS = "disk_elf_sectors";
const NEXT_SECTOR = "disk_elf_next_sector";
const PROGRAM_HEADER_COUNT = "disk_elf_phnum";
const READ_HEADERS = "disk_elf_read_headers";
const COPY_CHUNK = "disk_elf_copy_chunk";
const ZERO_BSS = "disk_elf_zero_bss";
const PT_LOAD = 1;
const SECTOR_SHIFT = 9;

export interface ElfPlacement {
  /** First disk sector of the ELF. */
  readonly elfLba: number;
  /** Sectors it occupies. */
  readonly elfSectors: number;
}

const variable = (name: string) => m32({ symbol: name });
const packetCount = m16({ symbol: PACKET, disp: 2 });

export function emitLoadElf(a: Assembler, placement: ElfPlacement, failed: string): void {
  a.local(LOAD_ELF_ROUTINE);
  a.mov(variable(NEXT_SECTOR), 0);
  const chunk = a.label();
  const done = a.newLabel();
  a.mov(ecx, variable(ELF_SECTORS));
  a.sub(ecx, variable(NEXT_SECTOR));
  a.jcc("z", done);
  const counted = a.newLabel();
  a.cmp(ecx, CHUNK_SECTORS);
  a.jcc("be", counted);
  a.mov(ecx, CHUNK_SECTORS);
  a.bind(counted);
  emitReadChunk(a, failed);
  const copy = a.newLabel();
  a.cmp(variable(NEXT_SECTOR), 0);
  a.jcc("ne", copy);
  a.call(READ_HEADERS);
  a.bind(copy);
  a.call(COPY_CHUNK);
  a.movzx(eax, packetCount);
  a.add(variable(NEXT_SECTOR), eax);
  a.jmp(chunk);
  a.bind(done);
  a.call(ZERO_BSS);
  a.ret();
  emitReadHeaders(a);
  emitCopyChunk(a);
  emitZeroBss(a);
  emitElfData(a, placement);
}

/** Reads ecx sectors from sector NEXT_SECTOR of the ELF into the bounce buffer. */
function emitReadChunk(a: Assembler, failed: string): void {
  a.mov(packetCount, cx);
  a.mov(eax, variable(NEXT_SECTOR));
  a.add(eax, variable(ELF_LBA));
  a.mov(m32({ symbol: PACKET, disp: 8 }), eax);
  emitSetBiosRegister(a, BiosRegister.EAX, 0x4200);
  a.movzx(eax, m8({ symbol: BOOT_DRIVE }));
  a.mov(m32({ symbol: BIOS_REGISTERS, disp: BiosRegister.EDX }), eax);
  emitSetBiosRegister(a, BiosRegister.ESI, PACKET);
  emitSetBiosVector(a, 0x13);
  a.call(BIOS_CALL);
  emitJumpIfCarry(a, failed);
}

/** Chunk 0 is in the bounce buffer: keep e_entry and a copy of the program headers. */
function emitReadHeaders(a: Assembler): void {
  a.local(READ_HEADERS);
  a.mov(eax, m32({ disp: BOUNCE_BUFFER + 24 }));
  a.mov(variable(ELF_ENTRY), eax);
  a.movzx(ecx, m16({ disp: BOUNCE_BUFFER + 44 }));
  a.mov(variable(PROGRAM_HEADER_COUNT), ecx);
  a.shl(ecx, 5);
  a.mov(esi, m32({ disp: BOUNCE_BUFFER + 28 }));
  a.add(esi, BOUNCE_BUFFER);
  a.mov(edi, PROGRAM_HEADERS);
  a.rep().movsb();
  a.ret();
}

/**
 * Emits a loop over the PT_LOAD program headers that runs `body` with ebx at each (eax, ecx,
 * esi and edi are free in the body), then `ret`.
 */
function emitForEachLoad(a: Assembler, body: () => void): void {
  a.mov(ebx, PROGRAM_HEADERS);
  const header = a.label();
  const end = a.newLabel();
  const next = a.newLabel();
  a.mov(eax, variable(PROGRAM_HEADER_COUNT));
  a.shl(eax, 5);
  a.add(eax, PROGRAM_HEADERS);
  a.cmp(ebx, eax);
  a.jcc("ae", end);
  a.cmp(m32({ base: ebx }), PT_LOAD);
  a.jcc("ne", next);
  body();
  a.bind(next);
  a.add(ebx, 32);
  a.jmp(header);
  a.bind(end);
  a.ret();
}

/** Copies each PT_LOAD's bytes that lie in the chunk now in the bounce buffer. */
function emitCopyChunk(a: Assembler): void {
  a.local(COPY_CHUNK);
  a.mov(edx, variable(NEXT_SECTOR));
  a.shl(edx, SECTOR_SHIFT); // the chunk's first file byte
  a.movzx(ebp, packetCount);
  a.shl(ebp, SECTOR_SHIFT);
  a.add(ebp, edx); // one past its last
  emitForEachLoad(a, () => {
    const low = a.newLabel();
    const high = a.newLabel();
    const outside = a.newLabel();
    a.mov(esi, m32({ base: ebx, disp: 4 })); // lo = max(p_offset, chunk start)
    a.cmp(esi, edx);
    a.jcc("ae", low);
    a.mov(esi, edx);
    a.bind(low);
    a.mov(edi, m32({ base: ebx, disp: 4 })); // hi = min(p_offset + p_filesz, chunk end)
    a.add(edi, m32({ base: ebx, disp: 16 }));
    a.cmp(edi, ebp);
    a.jcc("be", high);
    a.mov(edi, ebp);
    a.bind(high);
    a.cmp(esi, edi);
    a.jcc("ae", outside);
    a.mov(ecx, edi);
    a.sub(ecx, esi);
    a.mov(edi, esi);
    a.sub(edi, m32({ base: ebx, disp: 4 }));
    a.add(edi, m32({ base: ebx, disp: 12 })); // p_paddr + (lo − p_offset)
    a.sub(esi, edx);
    a.add(esi, BOUNCE_BUFFER);
    a.rep().movsb();
    a.bind(outside);
  });
}

/** Zeroes [p_paddr + p_filesz, p_paddr + p_memsz) of every PT_LOAD. */
function emitZeroBss(a: Assembler): void {
  a.local(ZERO_BSS);
  emitForEachLoad(a, () => {
    a.mov(edi, m32({ base: ebx, disp: 12 }));
    a.add(edi, m32({ base: ebx, disp: 16 }));
    a.mov(ecx, m32({ base: ebx, disp: 20 }));
    a.sub(ecx, m32({ base: ebx, disp: 16 }));
    a.xor(eax, eax);
    a.rep().stosb();
  });
}

function emitElfData(a: Assembler, placement: ElfPlacement): void {
  a.align(4, 0);
  a.local(PACKET);
  a.db(16, 0);
  a.dw(0, 0, BOUNCE_BUFFER >> 4); // count (per read), offset, segment
  a.dd(0, 0); // LBA (64 bits)
  a.local(ELF_LBA);
  a.dd(placement.elfLba);
  a.local(ELF_SECTORS);
  a.dd(placement.elfSectors);
  for (const name of [NEXT_SECTOR, PROGRAM_HEADER_COUNT, ELF_ENTRY]) {
    a.local(name);
    a.dd(0);
  }
}
