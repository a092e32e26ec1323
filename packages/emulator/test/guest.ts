// Test helper: hand-assembled IA-32 guests wrapped into multiboot ELFs with @sawmill/image.
import { link, writeMultibootElf } from "@sawmill/image";
import { DEBUG_EXIT_PORT, DEBUG_MARKER_PORT, DEBUG_STAMP_PORT, DEBUG_VALUE_PORT } from "../src/index.js";

const u32 = (value: number) => [value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, value >>> 24];
const u16 = (value: number) => [value & 0xff, (value >>> 8) & 0xff];

/** Machine code for a few instructions, enough for test guests. */
export const x86 = {
  movEax: (value: number) => [0xb8, ...u32(value)],
  movEcx: (value: number) => [0xb9, ...u32(value)],
  movDx: (value: number) => [0x66, 0xba, ...u16(value)],
  movAl: (value: number) => [0xb0, value],
  outDxAl: () => [0xee],
  outDxEax: () => [0xef],
  outImmAl: (port: number) => [0xe6, port],
  inAlImm: (port: number) => [0xe4, port],
  nop: () => [0x90],
  incEbx: () => [0x43],
  decEcx: () => [0x49],
  /** jnz back to `target` bytes before the end of this 2-byte instruction. */
  jnzBack: (distance: number) => [0x75, (-distance - 2) & 0xff],
  jmpBack: (distance: number) => [0xeb, (-distance - 2) & 0xff],
  cli: () => [0xfa],
  sti: () => [0xfb],
  hlt: () => [0xf4],
  rdtsc: () => [0x0f, 0x31],
};

/** out to COM1 for each character. */
export function printSerial(text: string): number[] {
  const code = [...x86.movDx(0x3f8)];
  for (const char of text) code.push(...x86.movAl(char.charCodeAt(0)), ...x86.outDxAl());
  return code;
}

export const marker = (id: number) => [...x86.movEax(id), ...x86.movDx(DEBUG_MARKER_PORT), ...x86.outDxEax()];
/** rdtsc; out 0x52C, eax — right after a marker, gives it its count on QEMU. */
export const stamp = () => [...x86.rdtsc(), ...x86.movDx(DEBUG_STAMP_PORT), ...x86.outDxEax()];
/** A marker that has an instruction count on both emulators. */
export const countedMarker = (id: number) => [...marker(id), ...stamp()];
export const value = (v: number) => [...x86.movEax(v), ...x86.movDx(DEBUG_VALUE_PORT), ...x86.outDxEax()];
export const exit = (code: number) => [...x86.movEax(code), ...x86.movDx(DEBUG_EXIT_PORT), ...x86.outDxEax()];

/** A multiboot ELF whose entry point runs `code` from 1 MiB. */
export function multibootGuest(code: number[]): Uint8Array {
  const bytes = Uint8Array.from(code);
  const empty = { bytes: new Uint8Array(0), size: 0, align: 1 };
  const object = {
    sections: { text: { bytes, size: bytes.length, align: 16 }, rodata: empty, data: empty, bss: empty },
    symbols: [{ name: "start", section: "text" as const, offset: 0, binding: "global" as const }],
    relocations: [],
    placed: [],
  };
  return writeMultibootElf(link([object], { base: 0x100000, entry: "start" }));
}
