/**
 * The opening the boot archive and the boot manifest share (little-endian): an ASCII magic, then
 * u32 version, u32 count of records, u32 total size in bytes.
 *
 * Layer: toolchain, @sawmill/image. Interface: writeFormatHeader(bytes, format, count),
 * readFormatHeader(bytes, format) -> { view, count, total }, which throws naming the format on a
 * short buffer, a wrong magic or version, or a total size past the buffer's end.
 */

export interface Format {
  /** For error messages: "boot archive". */
  readonly what: string;
  readonly magic: string;
  readonly version: number;
  /** Bytes of the whole fixed header (magic, the three words, any reserved words). */
  readonly headerSize: number;
}

/** Writes the header of a `bytes.length`-byte file; returns a view for the rest. */
export function writeFormatHeader(bytes: Uint8Array, format: Format, count: number): DataView {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = format.magic.length;
  bytes.set(new TextEncoder().encode(format.magic), 0);
  view.setUint32(at, format.version, true);
  view.setUint32(at + 4, count, true);
  view.setUint32(at + 8, bytes.length, true);
  return view;
}

export function readFormatHeader(
  bytes: Uint8Array,
  format: Format,
): { view: DataView; count: number; total: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = format.magic.length;
  if (bytes.length < format.headerSize || new TextDecoder().decode(bytes.subarray(0, at)) !== format.magic) {
    throw new Error(`not a ${format.what}: magic "${format.magic}" missing`);
  }
  const version = view.getUint32(at, true);
  if (version !== format.version) {
    throw new Error(`${format.what} version ${version}, expected ${format.version}`);
  }
  const count = view.getUint32(at + 4, true);
  const total = view.getUint32(at + 8, true);
  if (total > bytes.length) {
    throw new Error(`${format.what} truncated: ${bytes.length} bytes, its header says ${total}`);
  }
  return { view, count, total };
}
