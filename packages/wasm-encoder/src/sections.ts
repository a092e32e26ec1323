/**
 * Module framing: the header, sections, vectors and names.
 *
 * Layer: wasm-encoder primitives, below `ModuleBuilder`. Interface: a module is `MODULE_HEADER`
 * followed by `section(id, content)` blocks in id order; a section's content is usually a
 * `vector(items)` (count, then the items' bytes); `name(text)` is a length-prefixed UTF-8 string.
 */

import { unsignedLeb128 } from "./leb128.js";

/** `\0asm`, then binary format version 1. */
export const MODULE_HEADER: readonly number[] = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

/** The section id, its content's size, then the content. */
export function section(id: number, content: readonly number[]): number[] {
  return [id, ...unsignedLeb128(content.length), ...content];
}

/** The item count, then each item's bytes. */
export function vector(items: readonly (readonly number[])[]): number[] {
  return [...unsignedLeb128(items.length), ...items.flat()];
}

/** A name: its UTF-8 byte length, then the bytes. */
export function name(text: string): number[] {
  const bytes = new TextEncoder().encode(text);
  return [...unsignedLeb128(bytes.length), ...bytes];
}
