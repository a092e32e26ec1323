/**
 * Disassembly of one function of an object, for reading the two sides' code next to each other.
 *
 * Layer: benchmark tooling, host side. Interface: `await functionListing(object, symbol)` → lines
 * (Intel syntax, offsets within the text section). The function runs from its symbol to the next
 * text symbol at a higher offset (or the end of text); relocated fields show as zeros.
 */

import { disassemble, loadDisassembler, type X86Object } from "@sawmill/x86";

export async function functionListing(object: X86Object, symbol: string): Promise<string[]> {
  const text = object.symbols.filter((s) => s.section === "text");
  const start = text.find((s) => s.name === symbol);
  if (start === undefined) throw new Error(`no text symbol ${symbol}`);
  const later = text.map((s) => s.offset).filter((offset) => offset > start.offset);
  const end = later.length > 0 ? Math.min(...later) : object.sections.text.size;
  await loadDisassembler();
  return disassemble(object.sections.text.bytes.subarray(start.offset, end), start.offset);
}
