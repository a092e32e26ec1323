/**
 * Function bodies and constant expressions, written instruction by instruction.
 *
 * Layer: wasm-encoder instructions. Interface: `new Code().op("local.get", 0).i32Const(1)
 * .op("i32.add")`; each method appends to `bytes` and returns the same `Code`. Immediates given
 * to `op` are written as unsigned LEB128 (indices, alignments, offsets); constants have their
 * own methods. A body ends without its final `end` (`ModuleBuilder` adds it).
 *
 * Invariant: nothing is validated here; `WebAssembly.validate` on the module is the check.
 */

import { signedLeb128, unsignedLeb128 } from "./leb128.js";
import { OP, type OpName, SATURATING, type SaturatingName } from "./opcodes.js";
import { VALTYPE, type ValType } from "./types.js";

export class Code {
  readonly bytes: number[] = [];

  op(name: OpName, ...immediates: number[]): this {
    this.bytes.push(OP[name]);
    for (const imm of immediates) this.u32(imm);
    return this;
  }
  saturating(name: SaturatingName): this {
    this.bytes.push(0xfc);
    return this.u32(SATURATING[name]);
  }
  /** block/loop/if with an optional result type. */
  structured(name: "block" | "loop" | "if", result: ValType | null): this {
    this.bytes.push(OP[name], result === null ? 0x40 : VALTYPE[result]);
    return this;
  }
  /** A load or store with its alignment hint (log2) and offset. */
  memory(name: OpName, alignLog2: number, offset: number): this {
    return this.op(name, alignLog2, offset);
  }
  i32Const(value: number): this {
    this.bytes.push(OP["i32.const"]);
    return this.s64(BigInt(value | 0));
  }
  i64Const(value: bigint): this {
    this.bytes.push(OP["i64.const"]);
    return this.s64(value);
  }
  f32Const(bits: number): this {
    this.bytes.push(OP["f32.const"], bits & 0xff, (bits >>> 8) & 0xff, (bits >>> 16) & 0xff, bits >>> 24);
    return this;
  }
  f64Const(bits: bigint): this {
    this.bytes.push(OP["f64.const"]);
    for (let i = 0n; i < 8n; i++) this.bytes.push(Number((bits >> (8n * i)) & 0xffn));
    return this;
  }
  brTable(targets: readonly number[], defaultTarget: number): this {
    this.bytes.push(OP.br_table);
    this.u32(targets.length);
    for (const t of targets) this.u32(t);
    return this.u32(defaultTarget);
  }
  append(other: Code): this {
    this.bytes.push(...other.bytes);
    return this;
  }
  u32(value: number): this {
    this.bytes.push(...unsignedLeb128(value));
    return this;
  }
  s64(value: bigint): this {
    this.bytes.push(...signedLeb128(value));
    return this;
  }
}
