/**
 * Fixed-size name fields: the 32-byte, UTF-8, NUL-padded names of boot-archive entries and
 * boot-manifest components.
 *
 * Layer: toolchain, @sawmill/image. Interface: encodeName(name, what), decodeName(bytes).
 * Invariant: an encoded name is 1–31 bytes of UTF-8 without NUL, so the field always ends in at
 * least one NUL and target code can compare it as a C string or by length.
 */

export const NAME_FIELD_SIZE = 32;
export const MAX_NAME_BYTES = NAME_FIELD_SIZE - 1;

/** The 32-byte field for `name`; `what` names the owner in error messages. */
export function encodeName(name: string, what: string): Uint8Array {
  const utf8 = new TextEncoder().encode(name);
  if (utf8.length === 0) throw new Error(`${what}: the name is empty`);
  if (utf8.length > MAX_NAME_BYTES) {
    throw new Error(`${what}: name "${name}" is ${utf8.length} bytes of UTF-8, at most ${MAX_NAME_BYTES}`);
  }
  if (utf8.includes(0)) throw new Error(`${what}: name ${JSON.stringify(name)} contains a NUL character`);
  const field = new Uint8Array(NAME_FIELD_SIZE);
  field.set(utf8);
  return field;
}

/** The name in a 32-byte field (up to its first NUL). */
export function decodeName(field: Uint8Array): string {
  const end = field.indexOf(0);
  return new TextDecoder("utf-8", { fatal: true }).decode(field.subarray(0, end < 0 ? field.length : end));
}
