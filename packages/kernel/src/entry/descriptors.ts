/**
 * The GDT, placed at its fixed address in the image.
 *
 * Layer: kernel, host side (boot data). Flat 4 GiB segments; user code and data have DPL 3 and
 * the kernel runs with the user data selector in ds/es (a DPL-3 data segment is usable in
 * ring 0), so no segment register changes on the IPC path. The UTCB descriptor's base is
 * rewritten by the kernel on every switch to a thread of a different UTCB.
 */

import type { Assembler } from "@sawmill/x86";
import { Address, IO_BITMAP_BYTES, TSS_SIZE } from "../layout.js";

const FLAT_KERNEL_CODE = 0x00cf_9a00_0000_ffffn;
const FLAT_KERNEL_DATA = 0x00cf_9200_0000_ffffn;
const FLAT_USER_CODE = 0x00cf_fa00_0000_ffffn;
const FLAT_USER_DATA = 0x00cf_f200_0000_ffffn;
/** Byte-granular, 512-byte limit, DPL 3 data; the base is filled in per thread. */
const UTCB_TEMPLATE = 0x0040_f200_0000_01ffn;

export const GDT_ENTRIES = 7;

export function placeGdt(a: Assembler): void {
  const entries = [
    0n,
    FLAT_KERNEL_CODE,
    FLAT_KERNEL_DATA,
    FLAT_USER_CODE,
    FLAT_USER_DATA,
    tssDescriptor(Address.TSS, TSS_SIZE + IO_BITMAP_BYTES),
    UTCB_TEMPLATE,
  ];
  const bytes = new Uint8Array(entries.length * 8);
  const view = new DataView(bytes.buffer);
  entries.forEach((entry, i) => {
    view.setBigUint64(i * 8, entry, true);
  });
  a.place(Address.GDT, bytes);
}

/** Available 32-bit TSS, DPL 0, byte granular; `limit` is the last valid byte offset. */
function tssDescriptor(base: number, limit: number): bigint {
  const b = BigInt(base);
  const l = BigInt(limit);
  return (
    (l & 0xffffn) |
    ((b & 0xffffffn) << 16n) |
    (0x89n << 40n) |
    (((l >> 16n) & 0xfn) << 48n) |
    (((b >> 24n) & 0xffn) << 56n)
  );
}
