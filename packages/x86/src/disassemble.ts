/**
 * Disassembly for humans (benchmark listings, debugging), built on capstone-wasm.
 *
 * Layer: tooling beside the assembler; nothing in the assembler depends on it. Capstone is a
 * WebAssembly module that loads asynchronously, so call `await loadDisassembler()` once; after
 * that `disassemble` is synchronous. Bytes capstone cannot decode are listed as `.byte` and
 * decoding resumes after them.
 */

// capstone-wasm's own typings are unreachable under NodeNext; packages that compile this file
// through the source condition need the declaration pulled in from here.
/// <reference path="./capstone-wasm.d.ts" />
import type { Capstone, Insn } from "capstone-wasm";

let capstone: Capstone | null = null;

/** Load capstone (imported only here, so the assembler itself never pays for it). */
export async function loadDisassembler(): Promise<void> {
  if (capstone) return;
  const { Capstone, Const, loadCapstone } = await import("capstone-wasm");
  await loadCapstone();
  capstone ??= new Capstone(Const.CS_ARCH_X86, Const.CS_MODE_32);
}

/** One line per instruction: `address  bytes  mnemonic operands` (Intel syntax, hex address). */
export function disassemble(bytes: Uint8Array, address = 0): string[] {
  if (!capstone) throw new Error("x86: call `await loadDisassembler()` before disassemble()");
  const lines: string[] = [];
  let at = 0;
  while (at < bytes.length) {
    const decoded = decodeFrom(capstone, bytes.subarray(at), address + at);
    for (const insn of decoded) {
      lines.push(line(address + at, insn.bytes, `${insn.mnemonic} ${insn.opStr}`.trim()));
      at += insn.size;
    }
    if (decoded.length === 0) {
      // Capstone stops at the first byte it cannot decode: show it and go on after it.
      lines.push(
        line(address + at, bytes.subarray(at, at + 1), `.byte 0x${bytes[at].toString(16).padStart(2, "0")}`),
      );
      at += 1;
    }
  }
  return lines;
}

/** Capstone's wrapper throws when not even the first instruction decodes; that means "none". */
function decodeFrom(cs: Capstone, bytes: Uint8Array, address: number): Insn[] {
  try {
    return cs.disasm(bytes, { address });
  } catch {
    return [];
  }
}

function line(address: number, bytes: Uint8Array, text: string): string {
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join(" ");
  return `${(address >>> 0).toString(16).padStart(8, "0")}  ${hex.padEnd(24)} ${text}`;
}
