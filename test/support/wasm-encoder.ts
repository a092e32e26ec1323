/**
 * A small WebAssembly binary encoder: modules of functions, one memory, globals, a table.
 *
 * Layer: e2e test support (the generated tests and hand-written modules). Interface: a
 * `ModuleBuilder` collects types, imports, functions (bodies as byte arrays built with `Code`),
 * a memory, mutable globals, a funcref table and exports, and `encode()` returns the binary.
 * `Code` appends instructions by name (`OP`) with LEB128 immediates.
 *
 * Invariant: the encoder does not validate; `WebAssembly.validate` is the check (see tests).
 */

export type ValType = "i32" | "i64" | "f32" | "f64";

export const VALTYPE: Record<ValType, number> = { i32: 0x7f, i64: 0x7e, f32: 0x7d, f64: 0x7c };

export interface FuncType {
  readonly params: readonly ValType[];
  readonly results: readonly ValType[];
}

/** Opcodes by their text-format names (the subset the tests use). */
export const OP = {
  unreachable: 0x00,
  nop: 0x01,
  block: 0x02,
  loop: 0x03,
  if: 0x04,
  else: 0x05,
  end: 0x0b,
  br: 0x0c,
  br_if: 0x0d,
  br_table: 0x0e,
  return: 0x0f,
  call: 0x10,
  call_indirect: 0x11,
  drop: 0x1a,
  select: 0x1b,
  "local.get": 0x20,
  "local.set": 0x21,
  "local.tee": 0x22,
  "global.get": 0x23,
  "global.set": 0x24,
  "i32.load": 0x28,
  "i64.load": 0x29,
  "f32.load": 0x2a,
  "f64.load": 0x2b,
  "i32.load8_s": 0x2c,
  "i32.load8_u": 0x2d,
  "i32.load16_s": 0x2e,
  "i32.load16_u": 0x2f,
  "i64.load8_s": 0x30,
  "i64.load8_u": 0x31,
  "i64.load16_s": 0x32,
  "i64.load16_u": 0x33,
  "i64.load32_s": 0x34,
  "i64.load32_u": 0x35,
  "i32.store": 0x36,
  "i64.store": 0x37,
  "f32.store": 0x38,
  "f64.store": 0x39,
  "i32.store8": 0x3a,
  "i32.store16": 0x3b,
  "i64.store8": 0x3c,
  "i64.store16": 0x3d,
  "i64.store32": 0x3e,
  "memory.size": 0x3f,
  "memory.grow": 0x40,
  "i32.const": 0x41,
  "i64.const": 0x42,
  "f32.const": 0x43,
  "f64.const": 0x44,
  "i32.eqz": 0x45,
  "i32.eq": 0x46,
  "i32.ne": 0x47,
  "i32.lt_s": 0x48,
  "i32.lt_u": 0x49,
  "i32.gt_s": 0x4a,
  "i32.gt_u": 0x4b,
  "i32.le_s": 0x4c,
  "i32.le_u": 0x4d,
  "i32.ge_s": 0x4e,
  "i32.ge_u": 0x4f,
  "i64.eqz": 0x50,
  "i64.eq": 0x51,
  "i64.ne": 0x52,
  "i64.lt_s": 0x53,
  "i64.lt_u": 0x54,
  "i64.gt_s": 0x55,
  "i64.gt_u": 0x56,
  "i64.le_s": 0x57,
  "i64.le_u": 0x58,
  "i64.ge_s": 0x59,
  "i64.ge_u": 0x5a,
  "f32.eq": 0x5b,
  "f32.ne": 0x5c,
  "f32.lt": 0x5d,
  "f32.gt": 0x5e,
  "f32.le": 0x5f,
  "f32.ge": 0x60,
  "f64.eq": 0x61,
  "f64.ne": 0x62,
  "f64.lt": 0x63,
  "f64.gt": 0x64,
  "f64.le": 0x65,
  "f64.ge": 0x66,
  "i32.clz": 0x67,
  "i32.ctz": 0x68,
  "i32.popcnt": 0x69,
  "i32.add": 0x6a,
  "i32.sub": 0x6b,
  "i32.mul": 0x6c,
  "i32.div_s": 0x6d,
  "i32.div_u": 0x6e,
  "i32.rem_s": 0x6f,
  "i32.rem_u": 0x70,
  "i32.and": 0x71,
  "i32.or": 0x72,
  "i32.xor": 0x73,
  "i32.shl": 0x74,
  "i32.shr_s": 0x75,
  "i32.shr_u": 0x76,
  "i32.rotl": 0x77,
  "i32.rotr": 0x78,
  "i64.clz": 0x79,
  "i64.ctz": 0x7a,
  "i64.popcnt": 0x7b,
  "i64.add": 0x7c,
  "i64.sub": 0x7d,
  "i64.mul": 0x7e,
  "i64.div_s": 0x7f,
  "i64.div_u": 0x80,
  "i64.rem_s": 0x81,
  "i64.rem_u": 0x82,
  "i64.and": 0x83,
  "i64.or": 0x84,
  "i64.xor": 0x85,
  "i64.shl": 0x86,
  "i64.shr_s": 0x87,
  "i64.shr_u": 0x88,
  "i64.rotl": 0x89,
  "i64.rotr": 0x8a,
  "f32.abs": 0x8b,
  "f32.neg": 0x8c,
  "f32.ceil": 0x8d,
  "f32.floor": 0x8e,
  "f32.trunc": 0x8f,
  "f32.nearest": 0x90,
  "f32.sqrt": 0x91,
  "f32.add": 0x92,
  "f32.sub": 0x93,
  "f32.mul": 0x94,
  "f32.div": 0x95,
  "f32.min": 0x96,
  "f32.max": 0x97,
  "f32.copysign": 0x98,
  "f64.abs": 0x99,
  "f64.neg": 0x9a,
  "f64.ceil": 0x9b,
  "f64.floor": 0x9c,
  "f64.trunc": 0x9d,
  "f64.nearest": 0x9e,
  "f64.sqrt": 0x9f,
  "f64.add": 0xa0,
  "f64.sub": 0xa1,
  "f64.mul": 0xa2,
  "f64.div": 0xa3,
  "f64.min": 0xa4,
  "f64.max": 0xa5,
  "f64.copysign": 0xa6,
  "i32.wrap_i64": 0xa7,
  "i32.trunc_f32_s": 0xa8,
  "i32.trunc_f32_u": 0xa9,
  "i32.trunc_f64_s": 0xaa,
  "i32.trunc_f64_u": 0xab,
  "i64.extend_i32_s": 0xac,
  "i64.extend_i32_u": 0xad,
  "i64.trunc_f32_s": 0xae,
  "i64.trunc_f32_u": 0xaf,
  "i64.trunc_f64_s": 0xb0,
  "i64.trunc_f64_u": 0xb1,
  "f32.convert_i32_s": 0xb2,
  "f32.convert_i32_u": 0xb3,
  "f32.convert_i64_s": 0xb4,
  "f32.convert_i64_u": 0xb5,
  "f32.demote_f64": 0xb6,
  "f64.convert_i32_s": 0xb7,
  "f64.convert_i32_u": 0xb8,
  "f64.convert_i64_s": 0xb9,
  "f64.convert_i64_u": 0xba,
  "f64.promote_f32": 0xbb,
  "i32.reinterpret_f32": 0xbc,
  "i64.reinterpret_f64": 0xbd,
  "f32.reinterpret_i32": 0xbe,
  "f64.reinterpret_i64": 0xbf,
  "i32.extend8_s": 0xc0,
  "i32.extend16_s": 0xc1,
  "i64.extend8_s": 0xc2,
  "i64.extend16_s": 0xc3,
  "i64.extend32_s": 0xc4,
} as const;

/** Saturating truncations: prefix 0xFC, then the sub-opcode. */
export const SATURATING = {
  "i32.trunc_sat_f32_s": 0,
  "i32.trunc_sat_f32_u": 1,
  "i32.trunc_sat_f64_s": 2,
  "i32.trunc_sat_f64_u": 3,
  "i64.trunc_sat_f32_s": 4,
  "i64.trunc_sat_f32_u": 5,
  "i64.trunc_sat_f64_s": 6,
  "i64.trunc_sat_f64_u": 7,
} as const;

export type OpName = keyof typeof OP;
export type SaturatingName = keyof typeof SATURATING;

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
    return this.s64(BigInt.asIntN(64, value));
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
    let v = value >>> 0;
    do {
      const b = v & 0x7f;
      v >>>= 7;
      this.bytes.push(v === 0 ? b : b | 0x80);
    } while (v !== 0);
    return this;
  }
  s64(value: bigint): this {
    let v = value;
    for (;;) {
      const b = Number(v & 0x7fn);
      v >>= 7n;
      const done = (v === 0n && (b & 0x40) === 0) || (v === -1n && (b & 0x40) !== 0);
      this.bytes.push(done ? b : b | 0x80);
      if (done) return this;
    }
  }
}

export interface FunctionDef {
  readonly type: FuncType;
  readonly locals: readonly ValType[];
  readonly body: Code;
  readonly exportName?: string;
}

export interface ImportDef {
  readonly module: string;
  readonly name: string;
  readonly type: FuncType;
}

export interface GlobalDef {
  readonly type: ValType;
  /** Initial value as a constant expression (e.g. `new Code().i32Const(5)`). */
  readonly init: Code;
}

export class ModuleBuilder {
  readonly imports: ImportDef[] = [];
  readonly functions: FunctionDef[] = [];
  readonly globals: GlobalDef[] = [];
  memory: { min: number; max: number | null } | null = null;
  /** Table contents: function indices (imports count); null leaves an entry empty. */
  table: (number | null)[] | null = null;
  /** Function types, deduplicated; indices are stable once assigned (call_indirect uses them). */
  readonly types: FuncType[] = [];

  typeIndex(type: FuncType): number {
    const key = JSON.stringify(type);
    const found = this.types.findIndex((t) => JSON.stringify(t) === key);
    return found >= 0 ? found : this.types.push(type) - 1;
  }

  /** Index of the next function added (imports come first). */
  get nextFunctionIndex(): number {
    return this.imports.length + this.functions.length;
  }

  encode(): Uint8Array {
    const importTypes = this.imports.map((i) => this.typeIndex(i.type));
    const functionTypes = this.functions.map((f) => this.typeIndex(f.type));
    const out = new Code();
    out.bytes.push(0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00);
    section(
      out,
      1,
      vector(this.types, (c, t) => writeType(c, t)),
    );
    section(
      out,
      2,
      vector(this.imports, (c, imp, i) =>
        writeName(writeName(c, imp.module), imp.name).u32(0).u32(importTypes[i]!),
      ),
    );
    section(
      out,
      3,
      vector(functionTypes, (c, t) => c.u32(t)),
    );
    if (this.table !== null) section(out, 4, new Code().u32(1).u32(0x70).u32(0).u32(this.table.length));
    if (this.memory !== null) section(out, 5, writeLimits(new Code().u32(1), this.memory));
    section(
      out,
      6,
      vector(this.globals, (c, g) => c.u32(VALTYPE[g.type]).u32(1).append(g.init).op("end")),
    );
    const exported = this.functions.flatMap((f, i) =>
      f.exportName === undefined ? [] : [{ name: f.exportName, index: this.imports.length + i }],
    );
    section(
      out,
      7,
      vector(exported, (c, e) => writeName(c, e.name).u32(0).u32(e.index)),
    );
    if (this.table !== null) writeElements(out, this.table);
    section(
      out,
      10,
      vector(this.functions, (c, f) => writeBody(c, f)),
    );
    return Uint8Array.from(out.bytes);
  }
}

function section(out: Code, id: number, body: Code): void {
  out.bytes.push(id);
  out.u32(body.bytes.length);
  out.bytes.push(...body.bytes);
}

function vector<T>(items: readonly T[], write: (c: Code, item: T, index: number) => void): Code {
  const c = new Code().u32(items.length);
  for (const [i, item] of items.entries()) write(c, item, i);
  return c;
}

function writeType(c: Code, t: FuncType): void {
  c.bytes.push(0x60);
  c.u32(t.params.length).bytes.push(...t.params.map((p) => VALTYPE[p]));
  c.u32(t.results.length).bytes.push(...t.results.map((r) => VALTYPE[r]));
}

function writeName(c: Code, name: string): Code {
  const bytes = new TextEncoder().encode(name);
  c.u32(bytes.length).bytes.push(...bytes);
  return c;
}

function writeLimits(c: Code, limits: { min: number; max: number | null }): Code {
  return limits.max === null ? c.u32(0).u32(limits.min) : c.u32(1).u32(limits.min).u32(limits.max);
}

/** One active segment per run of filled entries (empty entries stay null). */
function writeElements(out: Code, table: readonly (number | null)[]): void {
  const runs: { start: number; entries: number[] }[] = [];
  table.forEach((entry, i) => {
    if (entry === null) return;
    const last = runs.at(-1);
    if (last !== undefined && last.start + last.entries.length === i) last.entries.push(entry);
    else runs.push({ start: i, entries: [entry] });
  });
  section(
    out,
    9,
    vector(runs, (c, run) =>
      c
        .u32(0)
        .i32Const(run.start)
        .op("end")
        .append(vector(run.entries, (e, f) => e.u32(f))),
    ),
  );
}

function writeBody(c: Code, f: FunctionDef): void {
  const groups: { type: ValType; count: number }[] = [];
  for (const local of f.locals) {
    const last = groups.at(-1);
    if (last?.type === local) last.count++;
    else groups.push({ type: local, count: 1 });
  }
  const body = vector(groups, (b, g) => b.u32(g.count).u32(VALTYPE[g.type]))
    .append(f.body)
    .op("end");
  c.u32(body.bytes.length).append(body);
}
