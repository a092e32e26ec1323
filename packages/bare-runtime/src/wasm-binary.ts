/**
 * Just enough of the WebAssembly binary format for the Node twin.
 *
 * Layer: bare-runtime host side. Interface: `readModuleInfo` lists the exported functions with
 * their signatures and the defined memory's limits; `capMemory` rewrites the memory section so its
 * maximum is at most `capPages` (the same limit the bare runtime enforces); `ByteWriter` builds
 * small modules (node-thunk.ts) on `@sawmill/wasm-encoder`'s LEB128 writer.
 *
 * Invariant: only the sections read here are decoded; every other byte is copied unchanged.
 */

import { unsignedLeb128 } from "@sawmill/wasm-encoder";
import type { FunctionSignature } from "./call.js";
import type { ValType } from "./values.js";

const VALTYPES: Record<number, ValType> = { 127: "i32", 126: "i64", 125: "f32", 124: "f64" };

const SECTION = { type: 1, import: 2, function: 3, memory: 5, export: 7 } as const;

export interface ModuleInfo {
  readonly exports: readonly ({ readonly name: string } & FunctionSignature)[];
  /** The module's own memory (imported memory is not supported). */
  readonly memory: { readonly initialPages: number; readonly maxPages: number | null } | null;
}

class ByteReader {
  at = 0;
  constructor(readonly bytes: Uint8Array) {}
  byte(): number {
    if (this.at >= this.bytes.length) throw new Error("wasm binary: unexpected end");
    return this.bytes[this.at++]!;
  }
  u32(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = this.byte();
      result += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) return result;
      shift += 7;
    }
  }
  name(): string {
    const length = this.u32();
    const text = new TextDecoder().decode(this.bytes.subarray(this.at, this.at + length));
    this.at += length;
    return text;
  }
  valtypes(): ValType[] {
    return Array.from({ length: this.u32() }, () => {
      const code = this.byte();
      const type = VALTYPES[code];
      if (type === undefined) throw new Error(`wasm binary: unsupported value type 0x${code.toString(16)}`);
      return type;
    });
  }
  limits(): { min: number; max: number | null } {
    const flags = this.byte();
    if (flags > 1) throw new Error(`wasm binary: unsupported memory limits flags ${flags}`);
    const min = this.u32();
    return { min, max: flags === 1 ? this.u32() : null };
  }
}

interface Section {
  readonly id: number;
  /** Offset of the section id byte. */
  readonly begin: number;
  readonly start: number;
  readonly end: number;
}

function sections(bytes: Uint8Array): Section[] {
  const r = new ByteReader(bytes);
  r.at = 8;
  const found: Section[] = [];
  while (r.at < bytes.length) {
    const begin = r.at;
    const id = r.byte();
    const size = r.u32();
    found.push({ id, begin, start: r.at, end: r.at + size });
    r.at += size;
  }
  return found;
}

export function readModuleInfo(bytes: Uint8Array): ModuleInfo {
  const types: FunctionSignature[] = [];
  const functionTypes: number[] = [];
  const exports: ({ name: string } & FunctionSignature)[] = [];
  let memory: ModuleInfo["memory"] = null;
  for (const section of sections(bytes)) {
    const r = new ByteReader(bytes.subarray(0, section.end));
    r.at = section.start;
    const count = section.id === 0 ? 0 : r.u32();
    for (let i = 0; i < count; i++) {
      if (section.id === SECTION.type) {
        if (r.byte() !== 0x60) throw new Error("wasm binary: unsupported type form");
        types.push({ params: r.valtypes(), results: r.valtypes() });
      } else if (section.id === SECTION.import) readImport(r, functionTypes);
      else if (section.id === SECTION.function) functionTypes.push(r.u32());
      else if (section.id === SECTION.memory) {
        const { min, max } = r.limits();
        memory = { initialPages: min, maxPages: max };
      } else if (section.id === SECTION.export) {
        const name = r.name();
        const kind = r.byte();
        const index = r.u32();
        if (kind === 0) exports.push({ name, ...types[functionTypes[index]!]! });
      } else break;
    }
  }
  return { exports, memory };
}

function readImport(r: ByteReader, functionTypes: number[]): void {
  const where = `${r.name()}.${r.name()}`;
  const kind = r.byte();
  if (kind === 0) functionTypes.push(r.u32());
  else if (kind === 1) {
    r.byte();
    r.limits();
  } else if (kind === 3) {
    r.byte();
    r.byte();
  } else throw new Error(`wasm binary: import ${where} of kind ${kind} (memory imports are not supported)`);
}

/** The module with its memory maximum lowered to `capPages` (unchanged if already lower). */
export function capMemory(bytes: Uint8Array, capPages: number): Uint8Array {
  const memorySection = sections(bytes).find((s) => s.id === SECTION.memory);
  if (memorySection === undefined) return bytes;
  const r = new ByteReader(bytes.subarray(0, memorySection.end));
  r.at = memorySection.start;
  const count = r.u32();
  const body = new ByteWriter().u32(count);
  for (let i = 0; i < count; i++) {
    const { min, max } = r.limits();
    if (min > capPages) throw new Error(`module needs ${min} pages, above the cap of ${capPages}`);
    body
      .byte(1)
      .u32(min)
      .u32(Math.min(max ?? capPages, capPages));
  }
  const header = new ByteWriter().byte(SECTION.memory).u32(body.length);
  return concat([
    bytes.subarray(0, memorySection.begin),
    header.finish(),
    body.finish(),
    bytes.subarray(memorySection.end),
  ]);
}

export class ByteWriter {
  private readonly chunks: number[] = [];
  get length(): number {
    return this.chunks.length;
  }
  byte(...values: number[]): this {
    this.chunks.push(...values);
    return this;
  }
  u32(value: number): this {
    this.chunks.push(...unsignedLeb128(value));
    return this;
  }
  name(text: string): this {
    const bytes = new TextEncoder().encode(text);
    return this.u32(bytes.length).byte(...bytes);
  }
  /** A vector: count, then each item written by `write`. */
  vec<T>(items: readonly T[], write: (w: this, item: T) => void): this {
    this.u32(items.length);
    for (const item of items) write(this, item);
    return this;
  }
  bytes(data: Uint8Array): this {
    for (const b of data) this.chunks.push(b);
    return this;
  }
  finish(): Uint8Array {
    return Uint8Array.from(this.chunks);
  }
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
