/**
 * A small assembled multiboot kernel for the disk-image tests: it reports what the loader gave
 * it through the debug value port (0x528) and exits through 0x520 with EXIT_CODE.
 *
 * Values, in order: EAX at entry (the multiboot magic), the information flags, mem_upper, the
 * end of the memory map's usable region containing 1 MiB, a checksum of the PATTERN segment
 * (h = rotl(h, 5) xor word, over its words), the first 4 bytes of the boot loader name.
 */
import { DEBUG_EXIT_PORT, DEBUG_VALUE_PORT } from "@sawmill/emulator";
import { Assembler, dx, eax, ebx, ecx, edi, esi, m32 } from "@sawmill/x86";
import { link, writeMultibootElf } from "../src/index.js";

export const EXIT_CODE = 0x5a;
/** 100 KiB at 2 MiB + 0x234: spans four of the loader's 32 KiB chunks, starts mid-page. */
export const PATTERN_ADDRESS = 0x200234;
export const PATTERN = patternBytes(100 * 1024);

export function patternBytes(length: number): Uint8Array {
  let state = 0x12345678;
  return Uint8Array.from({ length }, () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state >>> 24;
  });
}

export function checksum(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let h = 0;
  for (let at = 0; at < bytes.length; at += 4) h = (((h << 5) | (h >>> 27)) ^ view.getUint32(at, true)) >>> 0;
  return h;
}

/** The kernel ELF; `extra` adds placed blocks (e.g. a segment beyond the guest's RAM). */
export function diskKernel(extra: { address: number; bytes: Uint8Array }[] = []): Uint8Array {
  const a = new Assembler();
  a.section("text");
  a.global("start");
  a.mov(dx, DEBUG_VALUE_PORT);
  a.out(dx, eax);
  a.mov(eax, m32({ base: ebx }));
  a.out(dx, eax);
  a.mov(eax, m32({ base: ebx, disp: 8 }));
  a.out(dx, eax);
  emitRamTop(a);
  a.out(dx, eax);
  emitChecksum(a);
  a.out(dx, eax);
  a.mov(esi, m32({ base: ebx, disp: 64 }));
  a.mov(eax, m32({ base: esi }));
  a.out(dx, eax);
  a.mov(eax, EXIT_CODE);
  a.mov(dx, DEBUG_EXIT_PORT);
  a.out(dx, eax);
  a.hlt();
  a.place(PATTERN_ADDRESS, PATTERN);
  for (const block of extra) a.place(block.address, block.bytes);
  return writeMultibootElf(link([a.finish()], { base: 0x100000, entry: "start" }));
}

/** eax = end of the usable memory-map entry that contains 1 MiB (0 if none). */
function emitRamTop(a: Assembler): void {
  a.mov(esi, m32({ base: ebx, disp: 48 }));
  a.mov(ecx, m32({ base: ebx, disp: 44 }));
  a.add(ecx, esi);
  a.xor(edi, edi);
  const entry = a.label();
  const next = a.newLabel();
  a.cmp(m32({ base: esi, disp: 20 }), 1);
  a.jcc("ne", next);
  a.cmp(m32({ base: esi, disp: 4 }), 0x100000);
  a.jcc("a", next);
  a.mov(eax, m32({ base: esi, disp: 4 }));
  a.add(eax, m32({ base: esi, disp: 12 }));
  a.cmp(eax, 0x100000);
  a.jcc("be", next);
  a.mov(edi, eax);
  a.bind(next);
  a.add(esi, m32({ base: esi }));
  a.add(esi, 4);
  a.cmp(esi, ecx);
  a.jcc("b", entry);
  a.mov(eax, edi);
}

function emitChecksum(a: Assembler): void {
  a.xor(eax, eax);
  a.mov(esi, PATTERN_ADDRESS);
  const word = a.label();
  a.rol(eax, 5);
  a.xor(eax, m32({ base: esi }));
  a.add(esi, 4);
  a.cmp(esi, PATTERN_ADDRESS + PATTERN.length);
  a.jcc("b", word);
}
