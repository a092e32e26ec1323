/**
 * Symbol resolution across objects.
 *
 * Layer: toolchain, @sawmill/image (second step of `link`).
 *
 * Rules:
 * - A global symbol is defined by exactly one object or by one `defines` entry; a second
 *   definition is an error naming both places.
 * - A local symbol resolves only references from its own object and shadows a global of the
 *   same name there.
 * - `defines` are absolute addresses (linker-script style: memory layout constants).
 * - Looking up a name that nobody defines is an error naming the symbol and the referencing object.
 */
import type { SectionKind, X86Object } from "@sawmill/x86";
import type { SectionAddresses } from "./layout.js";
import { describeObject, LinkError } from "./link-error.js";

/** Where a global came from, for duplicate-definition messages. */
type Origin = { readonly objectIndex: number } | { readonly define: true };

export class SymbolTable {
  private readonly globals = new Map<string, { address: number; origin: Origin }>();
  private readonly locals: Map<string, number>[];

  constructor(
    objects: readonly X86Object[],
    sections: readonly SectionAddresses[],
    defines: Readonly<Record<string, number>>,
    private readonly names: readonly (string | undefined)[],
  ) {
    for (const [name, address] of Object.entries(defines)) {
      checkAddress(name, address);
      this.globals.set(name, { address, origin: { define: true } });
    }
    this.locals = objects.map((object, objectIndex) =>
      this.collect(object, objectIndex, sections[objectIndex]),
    );
  }

  /** Resolves `name` as referenced from object `objectIndex`. */
  resolve(name: string, objectIndex: number): number {
    const local = this.locals[objectIndex].get(name);
    if (local !== undefined) return local;
    const global = this.globals.get(name);
    if (global !== undefined) return global.address;
    throw new LinkError(
      `undefined symbol "${name}" referenced by ${describeObject(objectIndex, this.names[objectIndex])}`,
    );
  }

  /** Address of a global symbol or define, or undefined. */
  lookupGlobal(name: string): number | undefined {
    return this.globals.get(name)?.address;
  }

  globalAddresses(): Map<string, number> {
    const sorted = [...this.globals.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return new Map(sorted.map(([name, { address }]) => [name, address]));
  }

  /** Records the object's definitions; returns its locals. */
  private collect(object: X86Object, objectIndex: number, sections: SectionAddresses): Map<string, number> {
    const locals = new Map<string, number>();
    for (const symbol of object.symbols) {
      if (symbol.section === null) continue;
      const address = symbolAddress(symbol.section, symbol.offset, sections);
      if (symbol.binding === "local") {
        if (locals.has(symbol.name)) throw this.duplicate(symbol.name, { objectIndex }, objectIndex);
        locals.set(symbol.name, address);
        continue;
      }
      const previous = this.globals.get(symbol.name);
      if (previous !== undefined) throw this.duplicate(symbol.name, previous.origin, objectIndex);
      this.globals.set(symbol.name, { address, origin: { objectIndex } });
    }
    return locals;
  }

  private duplicate(name: string, first: Origin, secondIndex: number): LinkError {
    const firstPlace =
      "define" in first ? "the defines" : describeObject(first.objectIndex, this.names[first.objectIndex]);
    return new LinkError(
      `duplicate symbol "${name}": defined in ${firstPlace} and in ${describeObject(secondIndex, this.names[secondIndex])}`,
    );
  }
}

function symbolAddress(section: SectionKind, offset: number, sections: SectionAddresses): number {
  return sections[section] + offset;
}

function checkAddress(name: string, address: number): void {
  if (!Number.isInteger(address) || address < 0 || address >= 2 ** 32) {
    throw new LinkError(`define "${name}" = ${address} is not a 32-bit address`);
  }
}
