/**
 * Byte reader over a WebAssembly binary: LEB128 integers, IEEE floats, names.
 *
 * Layer: decoder, lowest level. Every read advances `offset`; reading past `end` throws a
 * DecodeError carrying the offset, so malformed input never yields garbage values.
 */

export class DecodeError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at byte offset ${offset}`);
    this.name = "DecodeError";
  }
}

export class ByteReader {
  offset: number;
  private readonly view: DataView;

  constructor(
    readonly bytes: Uint8Array,
    start = 0,
    public end = bytes.length,
  ) {
    this.offset = start;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  atEnd(): boolean {
    return this.offset >= this.end;
  }

  u8(): number {
    if (this.offset >= this.end) throw new DecodeError("unexpected end of input", this.offset);
    return this.bytes[this.offset++];
  }

  /** Unsigned LEB128 up to 32 bits. */
  u32(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      const byte = this.u8();
      result += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) break;
      shift += 7;
      if (shift > 28) throw new DecodeError("LEB128 u32 too long", this.offset);
    }
    return result >>> 0;
  }

  /** Signed LEB128 up to 32 bits, returned as a JS int32. */
  s32(): number {
    return Number(BigInt.asIntN(32, this.sleb(35)));
  }

  /** Signed LEB128 up to 64 bits. */
  s64(): bigint {
    return BigInt.asIntN(64, this.sleb(70));
  }

  /** Signed LEB128 of a block type: -64 is empty, negatives are value types, else a type index. */
  s33(): number {
    return Number(this.sleb(35));
  }

  /** The raw bits of an f32 (keeps NaN payloads exact). */
  f32Bits(): number {
    return this.view.getUint32(this.take(4), true);
  }

  /** The raw bits of an f64 (keeps NaN payloads exact). */
  f64Bits(): bigint {
    return this.view.getBigUint64(this.take(8), true);
  }

  name(): string {
    const length = this.u32();
    return new TextDecoder().decode(this.bytes.subarray(this.take(length), this.offset));
  }

  slice(length: number): Uint8Array {
    const start = this.take(length);
    return this.bytes.slice(start, start + length);
  }

  private take(length: number): number {
    const start = this.offset;
    if (start + length > this.end) throw new DecodeError("unexpected end of input", start);
    this.offset += length;
    return start;
  }

  private sleb(maxBits: number): bigint {
    let result = 0n;
    let shift = 0n;
    let byte: number;
    do {
      byte = this.u8();
      result |= BigInt(byte & 0x7f) << shift;
      shift += 7n;
      if (shift > BigInt(maxBits)) throw new DecodeError("LEB128 too long", this.offset);
    } while (byte & 0x80);
    if (byte & 0x40) result -= 1n << shift;
    return result;
  }
}
