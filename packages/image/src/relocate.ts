/**
 * Relocation: patches the 4-byte fields the assembler left for symbol addresses.
 *
 * Layer: toolchain, @sawmill/image (third step of `link`).
 *
 * Arithmetic (see @sawmill/x86 object.ts): abs32 stores S + A, rel32 stores S + A - P, with S
 * the symbol's address, A the addend and P the field's own address. Every value must fit the
 * 32-bit field: abs32 as a signed or unsigned 32-bit number, rel32 as a signed displacement.
 * A relocation that points outside its section (or into bss, which has no bytes) is an error.
 */
import type { Relocation, X86Object } from "@sawmill/x86";
import type { SectionAddresses } from "./layout.js";
import { describeObject, LinkError } from "./link-error.js";
import type { Segment } from "./linked-image.js";
import type { SymbolTable } from "./symbol-table.js";

export function applyRelocations(
  objects: readonly X86Object[],
  sections: readonly SectionAddresses[],
  segments: readonly Segment[],
  symbols: SymbolTable,
  names: readonly (string | undefined)[],
): void {
  objects.forEach((object, objectIndex) => {
    for (const relocation of object.relocations) {
      const where = () => describeObject(objectIndex, names[objectIndex]);
      checkField(object, relocation, where);
      const fieldAddress = sections[objectIndex][relocation.section] + relocation.offset;
      const target = symbols.resolve(relocation.symbol, objectIndex);
      const value = relocationValue(relocation, target, fieldAddress, where);
      writeField(segments, fieldAddress, value);
    }
  });
}

function checkField(object: X86Object, relocation: Relocation, where: () => string): void {
  const section = object.sections[relocation.section];
  const fits =
    relocation.section !== "bss" &&
    Number.isInteger(relocation.offset) &&
    relocation.offset >= 0 &&
    relocation.offset + 4 <= section.size;
  if (!fits) {
    throw new LinkError(
      `relocation against "${relocation.symbol}" at ${relocation.section}+0x${relocation.offset.toString(16)} ` +
        `lies outside its section in ${where()}`,
    );
  }
}

function relocationValue(relocation: Relocation, target: number, field: number, where: () => string): number {
  const value = relocation.type === "abs32" ? target + relocation.addend : target + relocation.addend - field;
  const [low, high] = relocation.type === "abs32" ? [-(2 ** 31), 2 ** 32] : [-(2 ** 31), 2 ** 31];
  if (value < low || value >= high) {
    throw new LinkError(
      `relocation overflow: ${relocation.type} to "${relocation.symbol}" (value 0x${value.toString(16)}) ` +
        `does not fit 32 bits in ${where()}`,
    );
  }
  return value >>> 0;
}

function writeField(segments: readonly Segment[], address: number, value: number): void {
  const segment = segments.find((s) => address >= s.address && address + 4 <= s.address + s.bytes.length);
  if (segment === undefined) throw new Error(`internal: no segment holds address 0x${address.toString(16)}`);
  const view = new DataView(segment.bytes.buffer, segment.bytes.byteOffset, segment.bytes.byteLength);
  view.setUint32(address - segment.address, value, true);
}
