/**
 * Target side of the 32-byte name fields (boot-archive entries, boot-manifest components).
 *
 * Layer: target library (AssemblyScript), shared by the kernel and the root task.
 * Interface: nameLength(field), nameEqualsBytes(field, name, length), nameEquals(field, string).
 * A field holds 1–31 bytes of UTF-8 then NUL padding (src/fixed-name.ts writes it). Everything
 * works on raw addresses and allocates nothing, so it runs before any heap exists.
 */

export const NAME_FIELD_SIZE: usize = 32;
/** Returned by matchByte when the field does not match. */
const MISMATCH: usize = usize.MAX_VALUE;

/** Bytes before the field's first NUL. */
export function nameLength(field: usize): usize {
  let length: usize = 0;
  while (length < NAME_FIELD_SIZE && load<u8>(field + length) != 0) length++;
  return length;
}

/** Whether the field holds exactly the `length` UTF-8 bytes at `name`. */
export function nameEqualsBytes(field: usize, name: usize, length: usize): bool {
  if (length >= NAME_FIELD_SIZE) return false;
  if (load<u8>(field + length) != 0) return false;
  return memory.compare(field, name, length) == 0;
}

/** Whether the field holds `name` encoded as UTF-8 (compared code point by code point). */
export function nameEquals(field: usize, name: string): bool {
  let at: usize = 0;
  const units = name.length;
  for (let i = 0; i < units && at != MISMATCH; i++) {
    let codePoint = <u32>name.charCodeAt(i);
    if (codePoint >= 0xd800 && codePoint < 0xdc00 && i + 1 < units) {
      const low = <u32>name.charCodeAt(i + 1);
      if (low >= 0xdc00 && low < 0xe000) {
        codePoint = 0x10000 + ((codePoint - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    at = matchCodePoint(field, at, codePoint);
  }
  return at != MISMATCH && at < NAME_FIELD_SIZE && load<u8>(field + at) == 0;
}

/** Matches the UTF-8 encoding of `codePoint` at field[at...]; the next position or MISMATCH. */
function matchCodePoint(field: usize, at: usize, codePoint: u32): usize {
  if (codePoint < 0x80) return matchByte(field, at, codePoint);
  if (codePoint < 0x800) {
    at = matchByte(field, at, 0xc0 | (codePoint >> 6));
  } else if (codePoint < 0x10000) {
    at = matchByte(field, at, 0xe0 | (codePoint >> 12));
    at = matchByte(field, at, 0x80 | ((codePoint >> 6) & 0x3f));
  } else {
    at = matchByte(field, at, 0xf0 | (codePoint >> 18));
    at = matchByte(field, at, 0x80 | ((codePoint >> 12) & 0x3f));
    at = matchByte(field, at, 0x80 | ((codePoint >> 6) & 0x3f));
  }
  return matchByte(field, at, 0x80 | (codePoint & 0x3f));
}

function matchByte(field: usize, at: usize, byte: u32): usize {
  if (at >= NAME_FIELD_SIZE || <u32>load<u8>(field + at) != byte) return MISMATCH;
  return at + 1;
}
