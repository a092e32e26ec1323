/**
 * Reading an ELF32 i386 executable's program headers on the host.
 *
 * Layer: toolchain, @sawmill/image. Interface: readElfProgramHeaders(file, what) → the header
 * table's place and its entries; throws Error("<what>: …") for anything that is not a
 * little-endian ELF32 ET_EXEC for EM_386 whose program headers and segment bytes lie in the file.
 */

export interface ProgramHeader {
  readonly type: number;
  readonly offset: number;
  readonly vaddr: number;
  readonly paddr: number;
  readonly filesz: number;
  readonly memsz: number;
  readonly flags: number;
}

export interface ElfProgramHeaders {
  readonly entry: number;
  /** File offset of the table (e_phoff) and its size in bytes. */
  readonly tableOffset: number;
  readonly tableSize: number;
  readonly headers: readonly ProgramHeader[];
}

export const PT_LOAD = 1;
const HEADER_SIZE = 52;
const PROGRAM_HEADER_SIZE = 32;

export function readElfProgramHeaders(file: Uint8Array, what: string): ElfProgramHeaders {
  const fail = (problem: string): never => {
    throw new Error(`${what}: ${problem}`);
  };
  if (file.length < HEADER_SIZE) fail(`${file.length} bytes is too short for an ELF header`);
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const magic = view.getUint32(0, false) === 0x7f454c46;
  if (!magic || file[4] !== 1 || file[5] !== 1) fail("not an ELF32 little-endian file");
  if (view.getUint16(16, true) !== 2 || view.getUint16(18, true) !== 3)
    fail("not an i386 executable (ET_EXEC, EM_386)");
  const tableOffset = view.getUint32(28, true);
  const count = view.getUint16(44, true);
  if (count > 0 && view.getUint16(42, true) !== PROGRAM_HEADER_SIZE)
    fail("program headers are not 32 bytes each");
  const tableSize = count * PROGRAM_HEADER_SIZE;
  if (tableOffset + tableSize > file.length) fail("the program header table lies outside the file");
  const headers = Array.from({ length: count }, (_, i) => {
    const at = tableOffset + i * PROGRAM_HEADER_SIZE;
    const [type, offset, vaddr, paddr, filesz, memsz, flags] = Array.from({ length: 7 }, (_, j) =>
      view.getUint32(at + 4 * j, true),
    );
    if (type === PT_LOAD && offset + filesz > file.length) fail(`segment ${i}'s bytes lie outside the file`);
    if (type === PT_LOAD && filesz > memsz) fail(`segment ${i} has more file bytes than memory`);
    return { type, offset, vaddr, paddr, filesz, memsz, flags };
  });
  return { entry: view.getUint32(24, true), tableOffset, tableSize, headers };
}
