/**
 * The disk loader: boot sector and second stage, assembled as one object and linked at 0x7000.
 *
 * Layer: toolchain, @sawmill/image. Interface: assembleDiskLoader(parameters) → the bytes from
 * 0x7C00 on (sector 0 = boot sector, then the loader's sectors), with the loader's size.
 *
 * Flow: boot sector (boot-sector.ts) reads the loader to 0x7E00 → real mode: A20 on (int 15h
 * AX=2401h, then the fast A20 gate at port 0x92), our GDT, protected mode → 32-bit: A20 really
 * on (a write at 1 MiB + x must not show at x), E820 memory
 * map (loader-memory-map.ts), check that the kernel's last byte is below the top of the RAM
 * that starts at 1 MiB, stream the ELF's PT_LOAD segments into place (loader-elf.ts), write
 * the multiboot information and jump to e_entry with EAX = 0x2BADB002, EBX = its address —
 * flat 32-bit segments, interrupts off, paging off, as the Multiboot spec says.
 * Failures print "sawmill loader: …" on COM1 and the screen, then halt.
 * The object is linked at LINK_BASE because the linker wants a page-aligned base; the 0xC00
 * bytes before 0x7C00 are padding that is not written to disk.
 */
import {
  Assembler,
  al,
  ds,
  dx,
  eax,
  ebx,
  ecx,
  edi,
  es,
  esi,
  esp,
  fs,
  gs,
  m8,
  m32,
  ss,
  sym,
} from "@sawmill/x86";
import { BOOT_SECTOR_END, emitBootSector } from "./boot-sector.js";
import {
  BOOT_SECTOR_ADDRESS,
  LINK_BASE,
  MULTIBOOT_INFO,
  MULTIBOOT_INFO_SIZE,
  SECTOR_SIZE,
  Selector,
  STACK_TOP,
} from "./disk-layout.js";
import { link } from "./link.js";
import { ELF_ENTRY, type ElfPlacement, emitLoadElf, LOAD_ELF_ROUTINE } from "./loader-elf.js";
import { emitMemoryMap, Info, MEMORY_MAP_ROUTINE, RAM_TOP } from "./loader-memory-map.js";
import { emitBiosCall, emitDescriptorTables, emitEnterProtectedMode } from "./mode-switch.js";
import { o32 } from "./real-mode.js";

export interface LoaderParameters extends ElfPlacement {
  /** Sectors the boot sector reads (1 … L); 0 while measuring. */
  readonly loaderSectors: number;
  /** The kernel's highest physical byte (a segment's p_paddr + p_memsz − 1). */
  readonly kernelLast: number;
  /** Multiboot boot_loader_name. */
  readonly loaderName: string;
}

export interface AssembledLoader {
  /** From 0x7C00: the boot sector (without partition table), then the loader. */
  readonly bytes: Uint8Array;
  /** Bytes of boot-sector code and data (must leave room for the partition table). */
  readonly bootSectorUsed: number;
}

const ENTRY = "disk_loader_entry";
const LOADER_32 = "disk_loader_32";
const FAIL = "disk_loader_fail";
const KERNEL_LAST = "disk_kernel_last";
const LOADER_NAME = "disk_loader_name";
export const LOADER_END = "disk_loader_end";
/** What the loader hands the kernel in EAX (Multiboot v1). */
export const MULTIBOOT_BOOTLOADER_MAGIC = 0x2badb002;
const MULTIBOOT_FLAGS = 0x1 | 0x40 | 0x200; // memory fields, memory map, boot loader name
const COM1 = 0x3f8;
const VGA_TEXT = 0xb8000;

const Message = {
  a20: "disk_message_a20",
  memoryMap: "disk_message_memory_map",
  disk: "disk_message_disk",
  memory: "disk_message_memory",
} as const;

export function assembleDiskLoader(parameters: LoaderParameters): AssembledLoader {
  const a = new Assembler();
  a.section("text");
  a.global("disk_link_base");
  a.space(BOOT_SECTOR_ADDRESS - LINK_BASE);
  emitBootSector(a, parameters.loaderSectors, ENTRY);
  a.align(SECTOR_SIZE, 0);
  emitRealModeEntry(a);
  emitMain(a);
  emitLoadElf(a, parameters, Message.disk);
  emitMemoryMap(a, Message.memoryMap);
  emitBiosCall(a);
  emitFail(a);
  emitLoaderData(a, parameters);
  emitDescriptorTables(a);
  a.global(LOADER_END);
  const image = link([{ ...a.finish(), name: "disk loader" }], { base: LINK_BASE, entry: "disk_link_base" });
  const [segment] = image.segments;
  const end = image.symbols.get(LOADER_END)!;
  return {
    bytes: segment.bytes.slice(BOOT_SECTOR_ADDRESS - LINK_BASE, end - LINK_BASE),
    bootSectorUsed: image.symbols.get(BOOT_SECTOR_END)! - BOOT_SECTOR_ADDRESS,
  };
}

/** At 0x7E00, real mode: A20, GDT, protected mode. */
function emitRealModeEntry(a: Assembler): void {
  a.local(ENTRY);
  a.cli();
  o32(a).mov(eax, 0x2401); // A20 through the BIOS …
  a.int(0x15);
  a.in(al, 0x92); // … and the fast A20 gate, for BIOSes without that call
  a.or(al, 2);
  a.and(al, 0xfe); // bit 0 would reset the machine
  a.out(0x92, al);
  emitEnterProtectedMode(a, LOADER_32);
}

function emitMain(a: Assembler): void {
  a.local(LOADER_32);
  a.mov(eax, Selector.DATA32);
  for (const segment of [ds, es, fs, gs, ss]) a.mov(segment, eax);
  a.mov(esp, STACK_TOP);
  a.cld();
  emitCheckA20(a);
  a.mov(edi, MULTIBOOT_INFO);
  a.mov(ecx, MULTIBOOT_INFO_SIZE / 4);
  a.xor(eax, eax);
  a.rep().stosd();
  a.call(MEMORY_MAP_ROUTINE);
  a.mov(eax, m32({ symbol: KERNEL_LAST }));
  a.cmp(eax, m32({ symbol: RAM_TOP }));
  a.jcc("ae", Message.memory);
  a.call(LOAD_ELF_ROUTINE);
  a.mov(m32({ disp: MULTIBOOT_INFO + Info.FLAGS }), MULTIBOOT_FLAGS);
  a.mov(m32({ disp: MULTIBOOT_INFO + Info.LOADER_NAME }), sym(LOADER_NAME));
  a.mov(eax, MULTIBOOT_BOOTLOADER_MAGIC);
  a.mov(ebx, MULTIBOOT_INFO);
  a.jmp(m32({ symbol: ELF_ENTRY }));
}

/** With A20 off, the write 1 MiB up lands on the word below (which the info zeroing then clears). */
function emitCheckA20(a: Assembler): void {
  a.mov(m32({ disp: MULTIBOOT_INFO }), 0);
  a.mov(m32({ disp: MULTIBOOT_INFO + 0x100000 }), 0xa20a20a2);
  a.cmp(m32({ disp: MULTIBOOT_INFO }), 0);
  a.jcc("ne", Message.a20);
}

/** Each message symbol is a failure target: print its line on COM1 and the screen, halt. */
function emitFail(a: Assembler): void {
  for (const name of Object.values(Message)) {
    a.local(name);
    a.mov(esi, sym(`${name}_text`));
    a.jmp(FAIL);
  }
  a.local(FAIL);
  a.mov(edi, VGA_TEXT);
  a.mov(dx, COM1);
  const next = a.label();
  const halt = a.newLabel();
  a.mov(al, m8({ base: esi }));
  a.inc(esi);
  a.test(al, al);
  a.jcc("z", halt);
  a.out(dx, al);
  a.mov(m8({ base: edi }), al);
  a.mov(m8({ base: edi, disp: 1 }), 0x0f); // white on black
  a.add(edi, 2);
  a.jmp(next);
  a.bind(halt);
  a.cli();
  a.hlt();
  a.jmp(halt);
}

function emitLoaderData(a: Assembler, parameters: LoaderParameters): void {
  const text = (value: string) => a.bytes(new TextEncoder().encode(`${value}\0`));
  a.align(4, 0);
  a.local(KERNEL_LAST);
  a.dd(parameters.kernelLast);
  a.local(LOADER_NAME);
  text(parameters.loaderName);
  const lines: Record<keyof typeof Message, string> = {
    a20: "the A20 gate stays closed (memory above 1 MiB wraps around)",
    memoryMap: "no memory map from the BIOS (int 15h E820)",
    disk: "cannot read the kernel from the disk (int 13h)",
    memory: "not enough memory: the kernel ends beyond the RAM above 1 MiB",
  };
  for (const [key, name] of Object.entries(Message)) {
    a.local(`${name}_text`);
    text(`sawmill loader: ${lines[key as keyof typeof Message]}\r\n`);
  }
}
