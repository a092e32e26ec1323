/** Reads an ELF32 file's program headers, for the writers' tests. */

export interface ProgramHeader {
  type: number;
  offset: number;
  vaddr: number;
  paddr: number;
  filesz: number;
  memsz: number;
  flags: number;
  align: number;
}

export function programHeaders(file: Uint8Array): ProgramHeader[] {
  const view = new DataView(file.buffer, file.byteOffset);
  const phoff = view.getUint32(28, true);
  const count = view.getUint16(44, true);
  return Array.from({ length: count }, (_, i) => {
    const at = phoff + i * 32;
    const [type, offset, vaddr, paddr, filesz, memsz, flags, align] = Array.from({ length: 8 }, (_, j) =>
      view.getUint32(at + 4 * j, true),
    );
    return { type, offset, vaddr, paddr, filesz, memsz, flags, align };
  });
}
