/**
 * The linker: X86Objects in, one LinkedImage out.
 *
 * Layer: toolchain, @sawmill/image. Interface:
 *   link(objects, { base, entry, defines? }) -> LinkedImage
 *
 * Sequence: validate the inputs -> lay out sections (layout.ts) -> build the symbol table
 * (symbol-table.ts) -> patch relocations (relocate.ts) -> add `placed` blocks as their own
 * segments, rejecting any overlap -> resolve the entry symbol.
 * Every failure is a LinkError naming the symbol and the object; nothing is half-linked.
 * Output is a pure function of the input (deterministic).
 */
import type { SectionKind, X86Object } from "@sawmill/x86";
import { layOut } from "./layout.js";
import { describeObject, LinkError } from "./link-error.js";
import type { LinkedImage, Segment } from "./linked-image.js";
import { applyRelocations } from "./relocate.js";
import { SymbolTable } from "./symbol-table.js";

/** An input object; `name` (a file or component name) only improves error messages. */
export type LinkInput = X86Object & { readonly name?: string };

export interface LinkOptions {
  /** Page-aligned address of the first (text) group. */
  readonly base: number;
  /** Name of the global symbol (or define) execution starts at. */
  readonly entry: string;
  /** Absolute symbols, e.g. memory-layout constants. */
  readonly defines?: Readonly<Record<string, number>>;
}

export function link(objects: readonly LinkInput[], options: LinkOptions): LinkedImage {
  const names = objects.map((object) => object.name);
  objects.forEach((object, index) => {
    validateObject(object, describeObject(index, names[index]));
  });
  const layout = layOut(objects, options.base);
  const symbols = new SymbolTable(objects, layout.sections, options.defines ?? {}, names);
  applyRelocations(objects, layout.sections, layout.segments, symbols, names);
  const segments = [...layout.segments, ...placedSegments(objects, names)].sort(
    (a, b) => a.address - b.address,
  );
  rejectOverlaps(segments);
  const entry = symbols.lookupGlobal(options.entry);
  if (entry === undefined)
    throw new LinkError(`entry symbol "${options.entry}" is not defined by any object`);
  return { entry, segments, symbols: symbols.globalAddresses() };
}

function validateObject(object: X86Object, where: string): void {
  for (const kind of ["text", "rodata", "data", "bss"] satisfies SectionKind[]) {
    const section = object.sections[kind];
    const alignOk =
      Number.isInteger(section.align) && section.align > 0 && (section.align & (section.align - 1)) === 0;
    if (!alignOk) throw new LinkError(`${kind} alignment ${section.align} is not a power of two in ${where}`);
    if (kind !== "bss" && section.bytes.length !== section.size) {
      throw new LinkError(
        `${kind} size ${section.size} differs from its ${section.bytes.length} bytes in ${where}`,
      );
    }
  }
  for (const symbol of object.symbols) {
    if (symbol.section === null) continue;
    const size = object.sections[symbol.section].size;
    if (!Number.isInteger(symbol.offset) || symbol.offset < 0 || symbol.offset > size) {
      throw new LinkError(
        `symbol "${symbol.name}" at ${symbol.section}+0x${symbol.offset.toString(16)} lies outside its section in ${where}`,
      );
    }
  }
}

function placedSegments(objects: readonly X86Object[], names: readonly (string | undefined)[]): Segment[] {
  return objects.flatMap((object, index) =>
    object.placed
      .filter((block) => block.bytes.length > 0)
      .map((block) => {
        if (
          !Number.isInteger(block.address) ||
          block.address < 0 ||
          block.address + block.bytes.length > 2 ** 32
        ) {
          throw new LinkError(
            `placed block at 0x${block.address.toString(16)} lies outside 4 GiB in ${describeObject(index, names[index])}`,
          );
        }
        return {
          address: block.address,
          bytes: block.bytes.slice(),
          memSize: block.bytes.length,
          writable: true,
          executable: false,
        };
      }),
  );
}

/** Expects segments sorted by address. */
function rejectOverlaps(segments: readonly Segment[]): void {
  for (let i = 1; i < segments.length; i++) {
    const previous = segments[i - 1];
    const current = segments[i];
    if (previous.address + previous.memSize > current.address) {
      throw new LinkError(
        `segments overlap: [0x${hex(previous.address)}, 0x${hex(previous.address + previous.memSize)}) and ` +
          `[0x${hex(current.address)}, 0x${hex(current.address + current.memSize)})`,
      );
    }
  }
}

function hex(value: number): string {
  return value.toString(16);
}
