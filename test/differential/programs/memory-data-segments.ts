// Data segments placed at module start: static arrays and strings read back.
const TABLE: StaticArray<i32> = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9];
const BYTES: StaticArray<u8> = [0xde, 0xad, 0xbe, 0xef, 0x00, 0x7f, 0x80, 0xff];
const WORDS: StaticArray<i64> = [0x0123456789abcdef, -2, 0x7fffffffffffffff];
export function tableAt(i: i32): i32 { return TABLE[i & 7] + TABLE[(i >>> 3) % 15]; }
export function byteAt(i: i32): i32 { return <i32>BYTES[i & 7]; }
export function wordAt(i: i32): i64 { return WORDS[(i & 0x7fffffff) % 3]; }
export function greetingLength(): i32 { return "héllo, wörld".length; }
export function greetingCode(i: i32): i32 { return "héllo, wörld".charCodeAt(i & 7); }
