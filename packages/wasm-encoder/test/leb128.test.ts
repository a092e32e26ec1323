import { describe, expect, it } from "vitest";
import { signedLeb128, unsignedLeb128 } from "../src/index.js";

describe("unsignedLeb128", () => {
  it("writes the shortest encoding, boundary values included", () => {
    expect(unsignedLeb128(0)).toEqual([0x00]);
    expect(unsignedLeb128(127)).toEqual([0x7f]);
    expect(unsignedLeb128(128)).toEqual([0x80, 0x01]);
    expect(unsignedLeb128(624485)).toEqual([0xe5, 0x8e, 0x26]);
    expect(unsignedLeb128(0xffffffff)).toEqual([0xff, 0xff, 0xff, 0xff, 0x0f]);
  });

  it("takes the value as a u32", () => {
    expect(unsignedLeb128(-1)).toEqual(unsignedLeb128(0xffffffff));
  });
});

describe("signedLeb128", () => {
  it("stops once the remaining bits are the sign", () => {
    expect(signedLeb128(0n)).toEqual([0x00]);
    expect(signedLeb128(63n)).toEqual([0x3f]);
    expect(signedLeb128(64n)).toEqual([0xc0, 0x00]);
    expect(signedLeb128(-1n)).toEqual([0x7f]);
    expect(signedLeb128(-64n)).toEqual([0x40]);
    expect(signedLeb128(-65n)).toEqual([0xbf, 0x7f]);
    expect(signedLeb128(-123456n)).toEqual([0xc0, 0xbb, 0x78]);
  });

  it("covers the i32 and i64 extremes in at most 5 and 10 bytes", () => {
    expect(signedLeb128(-(2n ** 31n))).toEqual([0x80, 0x80, 0x80, 0x80, 0x78]);
    expect(signedLeb128(2n ** 31n - 1n)).toEqual([0xff, 0xff, 0xff, 0xff, 0x07]);
    expect(signedLeb128(-(2n ** 63n))).toEqual([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7f]);
    expect(signedLeb128(2n ** 63n - 1n)).toEqual([
      0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00,
    ]);
  });

  it("wraps values outside s64", () => {
    expect(signedLeb128(2n ** 64n - 1n)).toEqual(signedLeb128(-1n));
  });
});
