// Multiboot information: the usable RAM the loader reports. Layer: kernel boot (AssemblyScript).
// Interface: ramTop(info) — the end of the usable region that contains 1 MiB, or 0 if the
// loader gave no memory map and no basic memory fields.

const FLAG_MEMORY: u32 = 0x1;
const FLAG_MEMORY_MAP: u32 = 0x40;
const ONE_MIB: u64 = 0x100000;
const USABLE: u32 = 1;

export function ramTop(info: u32): u32 {
  const flags = load<u32>(info);
  if (flags & FLAG_MEMORY_MAP) return ramTopFromMap(load<u32>(info + 48), load<u32>(info + 44));
  if (flags & FLAG_MEMORY) return <u32>ONE_MIB + load<u32>(info + 8) * 1024;
  return 0;
}

function ramTopFromMap(map: u32, length: u32): u32 {
  let top: u64 = 0;
  let entry = map;
  while (entry < map + length) {
    const base = load<u64>(entry + 4);
    const size = load<u64>(entry + 12);
    if (load<u32>(entry + 20) == USABLE && base <= ONE_MIB && base + size > ONE_MIB) top = base + size;
    entry += load<u32>(entry) + 4;
  }
  return top > 0xffff_f000 ? 0xffff_f000 : <u32>top;
}
