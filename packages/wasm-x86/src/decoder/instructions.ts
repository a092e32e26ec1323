/**
 * Function body → flat instruction list with byte offsets.
 *
 * Layer: decoder. The code generator wants random access (it looks one or two instructions
 * ahead to fuse compare+branch and op+local.set), so a body is decoded eagerly into an array.
 * Immediates are normalised: `index` holds the one index/align-free immediate most opcodes
 * have (local, global, function, label depth, type index), `offset` the memarg offset.
 */

import type { ValType } from "../types.js";
import { readValType } from "./decode-module.js";
import { isKnownOpcode } from "./opcodes.js";
import { ByteReader, DecodeError } from "./reader.js";

/** A block's signature: no value, one result, or (rejected later) a type index. */
export type BlockType = { readonly result: ValType | null } | { readonly typeIndex: number };

export interface Instr {
  readonly op: number;
  /** Byte offset of the opcode in the module. */
  readonly at: number;
  /** local / global / function / type index, branch depth, memory.grow's memory index. */
  readonly index: number;
  /** memarg offset for loads and stores. */
  readonly offset: number;
  /** i32.const value (int32) or f32.const bits (uint32). */
  readonly i32: number;
  /** i64.const value or f64.const bits. */
  readonly i64: bigint;
  /** br_table targets (default last). */
  readonly targets: readonly number[] | null;
  readonly block: BlockType | null;
}

const NONE = {
  index: 0,
  offset: 0,
  i32: 0,
  i64: 0n,
  targets: null,
  block: null,
} as const;

export function decodeInstructions(bytes: Uint8Array, start: number, end: number): Instr[] {
  const r = new ByteReader(bytes, start, end);
  const out: Instr[] = [];
  while (!r.atEnd()) out.push(readInstr(r));
  return out;
}

function readInstr(r: ByteReader): Instr {
  const at = r.offset;
  let op = r.u8();
  if (op === 0xfc) op = 0xfc00 | r.u32();
  if (!isKnownOpcode(op)) throw new DecodeError(`unknown opcode 0x${op.toString(16)}`, at);
  const imm = readImmediates(op, r, at);
  return { ...NONE, ...imm, op, at };
}

function readImmediates(op: number, r: ByteReader, at: number): Partial<Instr> {
  if (op === 0x02 || op === 0x03 || op === 0x04) return { block: readBlockType(r) };
  if (op === 0x0c || op === 0x0d) return { index: r.u32() };
  if (op === 0x0e) {
    const targets: number[] = [];
    const count = r.u32();
    for (let i = 0; i <= count; i++) targets.push(r.u32());
    return { targets };
  }
  if (op === 0x10) return { index: r.u32() };
  if (op === 0x11) {
    const index = r.u32();
    if (r.u32() !== 0) throw new DecodeError("call_indirect on a table other than 0", at);
    return { index };
  }
  if (op === 0x1c) {
    const count = r.u32();
    for (let i = 0; i < count; i++) readValType(r);
    return {};
  }
  if (op >= 0x20 && op <= 0x24) return { index: r.u32() };
  if (op >= 0x28 && op <= 0x3e) {
    r.u32(); // alignment hint: x86 does unaligned accesses natively
    return { offset: r.u32() };
  }
  if (op === 0x3f || op === 0x40) return { index: r.u8() };
  if (op === 0x41) return { i32: r.s32() };
  if (op === 0x42) return { i64: r.s64() };
  if (op === 0x43) return { i32: r.f32Bits() };
  if (op === 0x44) return { i64: r.f64Bits() };
  if (op === 0xfc08) {
    const index = r.u32();
    r.u8();
    return { index };
  }
  if (op === 0xfc09) return { index: r.u32() };
  if (op === 0xfc0a) {
    r.u8();
    r.u8();
    return {};
  }
  if (op === 0xfc0b) {
    r.u8();
    return {};
  }
  return {};
}

function readBlockType(r: ByteReader): BlockType {
  const code = r.s33();
  if (code === -64) return { result: null };
  if (code < 0) {
    const types: Record<number, ValType> = { [-1]: "i32", [-2]: "i64", [-3]: "f32", [-4]: "f64" };
    const result = types[code];
    if (!result) throw new DecodeError(`unsupported block type ${code}`, r.offset);
    return { result };
  }
  return { typeIndex: code };
}
