// Test guests written with @sawmill/x86's Assembler: NE2000 transmit/receive, COM1 input echo,
// multiboot module and command-line readers. Each reports through the debug device.
import { link, writeMultibootElf } from "@sawmill/image";
import { Assembler, al, dx, eax, ebx, ecx, esi, m8, m32, sym } from "@sawmill/x86";
import { DEBUG_EXIT_PORT, DEBUG_VALUE_PORT } from "../src/index.js";

function elf(a: Assembler): Uint8Array {
  return writeMultibootElf(link([a.finish()], { base: 0x100000, entry: "start" }));
}

function begin(): Assembler {
  const a = new Assembler();
  a.section("text");
  a.global("start");
  return a;
}

function outPort(a: Assembler, port: number, value: number): void {
  a.mov(dx, port);
  a.mov(al, value);
  a.out(dx, al);
}

/** Reports eax as a value (clobbers dx). */
function reportEax(a: Assembler): void {
  a.mov(dx, DEBUG_VALUE_PORT);
  a.out(dx, eax);
}

function exit(a: Assembler, code: number): void {
  a.mov(eax, code);
  a.mov(dx, DEBUG_EXIT_PORT);
  a.out(dx, eax);
  a.cli();
  a.hlt();
}

const NE2K = 0x300;

/**
 * Programs the NE2000 (init order from platform-facts.md), transmits `frame`, waits for one
 * received frame and reports its first `reportBytes` bytes (after the 4-byte ring header).
 */
export function ne2000EchoGuest(frame: Uint8Array, reportBytes: number): Uint8Array {
  const a = begin();
  const registers: [number, number][] = [
    [0x00, 0x21],
    [0x0e, 0x48],
    [0x0c, 0x04],
    [0x0d, 0x02],
    [0x01, 0x46],
    [0x02, 0x80],
    [0x03, 0x46],
    [0x07, 0xff],
    [0x00, 0x61],
    [0x01, 0x52],
    [0x02, 0x54],
    [0x03, 0x00],
    [0x04, 0x12],
    [0x05, 0x34],
    [0x06, 0x56],
    [0x07, 0x47],
    [0x00, 0x22],
    [0x0d, 0x00],
  ];
  for (const [offset, value] of registers) outPort(a, NE2K + offset, value);
  // Remote-DMA write of the frame to card address 0x4000.
  for (const [offset, value] of [
    [0x0a, frame.length & 0xff],
    [0x0b, frame.length >> 8],
    [0x08, 0x00],
    [0x09, 0x40],
    [0x00, 0x12],
  ]) {
    outPort(a, NE2K + offset, value);
  }
  a.mov(esi, sym("frame"));
  a.mov(ecx, frame.length);
  a.mov(dx, NE2K + 0x10);
  const copy = a.newLabel();
  a.bind(copy);
  a.lodsb();
  a.out(dx, al);
  a.dec(ecx);
  a.jcc("ne", copy);
  for (const [offset, value] of [
    [0x04, 0x40],
    [0x05, frame.length & 0xff],
    [0x06, frame.length >> 8],
    [0x00, 0x26],
  ]) {
    outPort(a, NE2K + offset, value);
  }
  // Wait for "packet received" in ISR.
  const wait = a.newLabel();
  a.bind(wait);
  a.mov(dx, NE2K + 0x07);
  a.in(al, dx);
  a.test(al, 1);
  a.jcc("e", wait);
  // Remote-DMA read of header + data from the first ring page (0x47).
  const readLength = 4 + reportBytes;
  for (const [offset, value] of [
    [0x0a, readLength & 0xff],
    [0x0b, readLength >> 8],
    [0x08, 0x00],
    [0x09, 0x47],
    [0x00, 0x0a],
  ]) {
    outPort(a, NE2K + offset, value);
  }
  a.mov(ecx, readLength);
  const read = a.newLabel();
  a.bind(read);
  a.mov(dx, NE2K + 0x10);
  a.in(al, dx);
  a.movzx(eax, al);
  reportEax(a);
  a.dec(ecx);
  a.jcc("ne", read);
  exit(a, 0);
  a.section("rodata");
  a.global("frame");
  a.bytes(frame);
  return elf(a);
}

/** Waits for `count` bytes on COM1 and reports each. */
export function serialEchoGuest(count: number): Uint8Array {
  const a = begin();
  a.mov(ebx, count);
  const next = a.newLabel();
  a.bind(next);
  a.mov(dx, 0x3fd);
  a.in(al, dx);
  a.test(al, 1);
  a.jcc("e", next);
  a.mov(dx, 0x3f8);
  a.in(al, dx);
  a.movzx(eax, al);
  reportEax(a);
  a.dec(ebx);
  a.jcc("ne", next);
  exit(a, 0);
  return elf(a);
}

/**
 * Reports, from the multiboot information in ebx: the flags, the module count, the first
 * module's size and first dword, and the first four bytes of the command line.
 */
export function multibootInfoGuest(): Uint8Array {
  const a = begin();
  a.mov(esi, ebx);
  a.mov(eax, m32({ base: esi }));
  reportEax(a);
  a.mov(eax, m32({ base: esi, disp: 20 }));
  reportEax(a);
  a.mov(ebx, m32({ base: esi, disp: 24 }));
  a.mov(eax, m32({ base: ebx, disp: 4 }));
  a.sub(eax, m32({ base: ebx }));
  reportEax(a);
  a.mov(ebx, m32({ base: ebx }));
  a.mov(eax, m32({ base: ebx }));
  reportEax(a);
  a.mov(ebx, m32({ base: esi, disp: 16 }));
  a.mov(eax, m32({ base: ebx }));
  reportEax(a);
  a.movzx(eax, m8({ base: ebx, disp: 4 }));
  reportEax(a);
  exit(a, 0);
  return elf(a);
}
