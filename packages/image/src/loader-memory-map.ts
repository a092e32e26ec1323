/**
 * The loader's memory map: BIOS int 15h E820 into the multiboot memory map, plus the summary
 * fields a kernel may read instead (mem_lower, mem_upper).
 *
 * Layer: toolchain, @sawmill/image (32-bit code emitted into the disk loader).
 * Interface: emitMemoryMap(a, failed) defines MEMORY_MAP_ROUTINE (call it); RAM_TOP (a u32: the
 * end of the usable region containing 1 MiB, capped at 4 GiB − 1, 0 if none).
 *
 * Each entry is written as the multiboot format wants it: size (= 20) then the 20 bytes E820
 * gives (base u64, length u64, type). Empty entries are dropped; at most
 * (MEMORY_MAP_END − MEMORY_MAP) / 24 entries are kept. No E820 entry at all → `failed`.
 * mem_lower = KiB of the usable region at 0; mem_upper = KiB of the usable region from 1 MiB on.
 */
import { type Assembler, eax, ecx, edi, edx, esi, m32 } from "@sawmill/x86";
import { MEMORY_MAP, MEMORY_MAP_END, MEMORY_MAP_ENTRY, MULTIBOOT_INFO } from "./disk-layout.js";
import {
  BIOS_CALL,
  BIOS_REGISTERS,
  BiosRegister,
  emitJumpIfCarry,
  emitSetBiosRegister,
  emitSetBiosVector,
} from "./mode-switch.js";

export const MEMORY_MAP_ROUTINE = "disk_memory_map";
export const RAM_TOP = "disk_ram_top";
const SMAP = 0x534d4150; // "SMAP"
const E820_ENTRY = 20;
const USABLE = 1;
const ONE_MIB = 0x100000;

/** Multiboot information field offsets. */
export const Info = { FLAGS: 0, MEM_LOWER: 4, MEM_UPPER: 8, MMAP_LENGTH: 44, MMAP_ADDR: 48, LOADER_NAME: 64 };
const info = (field: number) => m32({ disp: MULTIBOOT_INFO + field });

export function emitMemoryMap(a: Assembler, failed: string): void {
  a.local(MEMORY_MAP_ROUTINE);
  emitReadE820(a, failed);
  emitSummary(a);
  a.ret();
  a.local(RAM_TOP);
  a.dd(0);
}

/** Fills MEMORY_MAP; leaves edi at its end and stores its length and address in the info. */
function emitReadE820(a: Assembler, failed: string): void {
  const register = (offset: number) => m32({ symbol: BIOS_REGISTERS, disp: offset });
  a.mov(edi, MEMORY_MAP);
  emitSetBiosRegister(a, BiosRegister.EBX, 0); // continuation: 0 = first entry
  emitSetBiosRegister(a, BiosRegister.ES, 0);
  const next = a.label();
  const done = a.newLabel();
  emitSetBiosRegister(a, BiosRegister.EAX, 0xe820);
  emitSetBiosRegister(a, BiosRegister.ECX, E820_ENTRY);
  emitSetBiosRegister(a, BiosRegister.EDX, SMAP);
  a.lea(eax, m32({ base: edi, disp: 4 }));
  a.mov(register(BiosRegister.EDI), eax);
  emitSetBiosVector(a, 0x15);
  a.call(BIOS_CALL);
  emitJumpIfCarry(a, done); // some BIOSes end the list with the carry flag
  a.cmp(register(BiosRegister.EAX), SMAP);
  a.jcc("ne", done);
  a.mov(m32({ base: edi }), E820_ENTRY);
  a.mov(eax, m32({ base: edi, disp: 12 }));
  a.or(eax, m32({ base: edi, disp: 16 }));
  const keep = a.newLabel();
  a.jcc("z", keep); // an empty entry is overwritten by the next one
  a.add(edi, MEMORY_MAP_ENTRY);
  a.cmp(edi, MEMORY_MAP_END - MEMORY_MAP_ENTRY);
  a.jcc("a", done);
  a.bind(keep);
  a.cmp(register(BiosRegister.EBX), 0);
  a.jcc("ne", next);
  a.bind(done);
  a.mov(eax, edi);
  a.sub(eax, MEMORY_MAP);
  a.jcc("z", failed);
  a.mov(info(Info.MMAP_LENGTH), eax);
  a.mov(info(Info.MMAP_ADDR), MEMORY_MAP);
}

/** mem_lower, mem_upper and RAM_TOP from the entries in [MEMORY_MAP, edi). */
function emitSummary(a: Assembler): void {
  a.mov(esi, MEMORY_MAP);
  const entry = a.label();
  const skip = a.newLabel();
  a.cmp(m32({ base: esi, disp: 20 }), USABLE);
  a.jcc("ne", skip);
  a.cmp(m32({ base: esi, disp: 8 }), 0); // starts at or above 4 GiB
  a.jcc("ne", skip);
  a.mov(eax, m32({ base: esi, disp: 4 })); // base
  a.mov(edx, eax);
  a.add(edx, m32({ base: esi, disp: 12 })); // end, unless it passes 4 GiB:
  const capped = a.newLabel();
  const ended = a.newLabel();
  a.jcc("c", capped);
  a.cmp(m32({ base: esi, disp: 16 }), 0);
  a.jcc("e", ended);
  a.bind(capped);
  a.mov(edx, 0xffffffff);
  a.bind(ended);
  const notLow = a.newLabel();
  a.test(eax, eax);
  a.jcc("nz", notLow);
  a.mov(ecx, edx);
  a.shr(ecx, 10);
  a.mov(info(Info.MEM_LOWER), ecx);
  a.bind(notLow);
  a.cmp(eax, ONE_MIB);
  a.jcc("a", skip);
  a.cmp(edx, ONE_MIB);
  a.jcc("be", skip);
  a.mov(m32({ symbol: RAM_TOP }), edx);
  a.sub(edx, ONE_MIB);
  a.shr(edx, 10);
  a.mov(info(Info.MEM_UPPER), edx);
  a.bind(skip);
  a.add(esi, MEMORY_MAP_ENTRY);
  a.cmp(esi, edi);
  a.jcc("b", entry);
}
