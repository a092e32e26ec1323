/**
 * Bootable raw disk images: our BIOS boot sector and loader, then a multiboot ELF.
 *
 * Layer: toolchain, @sawmill/image. Interface: writeDiskImage(multibootElf, options?) → disk.
 *
 * Layout (512-byte sectors; see disk-layout.ts for memory):
 *   sector 0        boot sector: real-mode code, one active partition entry (type 0xDA,
 *                   sectors 1…end), signature 0x55AA at 510
 *   sectors 1…L     the loader (L is small: a few sectors)
 *   sectors L+1…    the ELF file unchanged, its last sector zero-padded
 * The loader gives the kernel the Multiboot v1 contract (EAX = 0x2BADB002, EBX = information
 * with memory fields, E820 memory map and loader name). The ELF's PT_LOAD segments are loaded
 * by physical address; they must lie at or above 1 MiB (the loader's own memory is below) and
 * below 4 GiB, and the program header table must lie in the first 32 KiB (the first chunk the
 * loader reads) and fit 4 KiB. Whether the machine has enough RAM is checked at boot (the
 * loader prints a message). Output is a pure function of the input.
 */
import { PARTITION_TABLE, writePartitionTable } from "./boot-sector.js";
import {
  CHUNK_BYTES,
  KERNEL_LOWEST,
  LOADER_ADDRESS,
  LOADER_LIMIT,
  PROGRAM_HEADERS_LIMIT,
  SECTOR_SIZE,
} from "./disk-layout.js";
import { assembleDiskLoader } from "./disk-loader.js";
import { PT_LOAD, readElfProgramHeaders } from "./elf-reader.js";

export interface DiskImageOptions {
  /** The Multiboot boot_loader_name the kernel sees (default "SawMill disk loader"). */
  readonly loaderName?: string;
}

export const DEFAULT_LOADER_NAME = "SawMill disk loader";
/** The name lives in the loader's sectors, which must end below 64 KiB. */
export const MAX_LOADER_NAME = 255;
/** The loader keeps file offsets in 32-bit registers, a chunk at a time. */
export const MAX_ELF_BYTES = 2 ** 32 - CHUNK_BYTES;
const WHAT = "disk image";

export function writeDiskImage(multibootElf: Uint8Array, options: DiskImageOptions = {}): Uint8Array {
  const kernelLast = checkKernel(multibootElf);
  const elfSectors = Math.ceil(multibootElf.length / SECTOR_SIZE);
  const loaderName = options.loaderName ?? DEFAULT_LOADER_NAME;
  if (loaderName.includes("\0") || new TextEncoder().encode(loaderName).length > MAX_LOADER_NAME) {
    throw new Error(`${WHAT}: the loader name must be at most ${MAX_LOADER_NAME} bytes of UTF-8 without NUL`);
  }
  const base = { elfSectors, kernelLast, loaderName };
  // The loader's size does not depend on these numbers (all data words): measure, then assemble.
  const measured = assembleDiskLoader({ ...base, loaderSectors: 0, elfLba: 0 });
  const loaderSectors = Math.ceil(measured.bytes.length / SECTOR_SIZE) - 1;
  const loader = assembleDiskLoader({ ...base, loaderSectors, elfLba: 1 + loaderSectors });
  checkLoader(loader.bytes.length, loader.bootSectorUsed, measured.bytes.length);
  const disk = new Uint8Array((1 + loaderSectors + elfSectors) * SECTOR_SIZE);
  disk.set(loader.bytes);
  writePartitionTable(disk.subarray(0, SECTOR_SIZE), disk.length / SECTOR_SIZE);
  disk.set(multibootElf, (1 + loaderSectors) * SECTOR_SIZE);
  return disk;
}

/** Validates what the loader relies on; returns the kernel's highest physical byte. */
function checkKernel(elf: Uint8Array): number {
  if (elf.length > MAX_ELF_BYTES) {
    throw new Error(`${WHAT}: the ELF is ${elf.length} bytes; the loader reads at most ${MAX_ELF_BYTES}`);
  }
  const table = readElfProgramHeaders(elf, WHAT);
  if (table.tableOffset + table.tableSize > CHUNK_BYTES || table.tableSize > PROGRAM_HEADERS_LIMIT) {
    throw new Error(
      `${WHAT}: the loader needs the program headers within the ELF's first ${CHUNK_BYTES} bytes and at most ` +
        `${PROGRAM_HEADERS_LIMIT / 32} of them (found ${table.headers.length} at offset ${table.tableOffset})`,
    );
  }
  const segments = table.headers.filter((h) => h.type === PT_LOAD && h.memsz > 0);
  if (segments.length === 0) throw new Error(`${WHAT}: the ELF has no PT_LOAD segment to load`);
  let last = 0;
  for (const s of segments) {
    const range = `[0x${hex(s.paddr)}, 0x${hex(s.paddr + s.memsz)})`;
    if (s.paddr < KERNEL_LOWEST) {
      throw new Error(`${WHAT}: segment ${range} lies below 1 MiB, in the loader's memory`);
    }
    if (s.paddr + s.memsz > 2 ** 32) throw new Error(`${WHAT}: segment ${range} passes 4 GiB`);
    last = Math.max(last, s.paddr + s.memsz - 1);
  }
  return last;
}

function checkLoader(size: number, bootSectorUsed: number, measured: number): void {
  if (size !== measured) throw new Error("internal: the disk loader's size depends on its parameters");
  if (bootSectorUsed > PARTITION_TABLE) {
    throw new Error(
      `internal: the boot sector's code (${bootSectorUsed} bytes) overlaps the partition table`,
    );
  }
  if (LOADER_ADDRESS + size - SECTOR_SIZE > LOADER_LIMIT) {
    throw new Error(`internal: the loader (${size - SECTOR_SIZE} bytes) passes 0x${hex(LOADER_LIMIT)}`);
  }
}

function hex(value: number): string {
  return value.toString(16);
}
