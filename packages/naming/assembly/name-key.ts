// Names as keys, target side: packs a short string into the four words of a `Name`.
// Interface: nameWord(text, i) → word i (bytes 4i…4i+3, little-endian, zero-padded).
// Invariant: names are at most 16 bytes (low byte of each UTF-16 unit); longer ones are cut.

export const NAME_BYTES: i32 = 16;

export function nameWord(text: string, i: i32): u32 {
  let word: u32 = 0;
  for (let b = 3; b >= 0; b--) {
    const at = i * 4 + b;
    const byte: u32 = at < text.length && at < NAME_BYTES ? <u32>(text.charCodeAt(at) & 0xff) : 0;
    word = (word << 8) | byte;
  }
  return word;
}
