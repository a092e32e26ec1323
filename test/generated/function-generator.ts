/**
 * Random, well-typed, terminating WebAssembly function bodies.
 *
 * Layer: e2e generated tests. Interface: `generateFunction(context, index, type, random)` returns
 * the function's extra locals and body, and its weight (an upper bound on the calls one invocation
 * makes, so that call trees stay small).
 *
 * Invariants that keep generated programs valid and deterministic:
 * - a function only calls functions with a lower index (no recursion), directly or through the
 *   table, and only while its weight stays under MAX_WEIGHT; loops run a fixed 1–5 times on a
 *   counter local nothing else writes;
 * - memory accesses use `address & 0x3f8` plus an offset below 8, inside the one-page memory;
 * - the payload and sign of a NaN that arithmetic produces are nondeterministic in WebAssembly,
 *   so a float is canonicalized (any NaN → the canonical NaN) wherever its bits become observable:
 *   function results, stores, reinterpretation and copysign operands.
 */

import { Code, type FuncType, type OpName, type SaturatingName, type ValType } from "@sawmill/wasm-encoder";
import type { Random } from "../support/random.js";

export const MAX_WEIGHT = 3000;
export const TYPES: readonly ValType[] = ["i32", "i64", "f32", "f64"];
export const EMIT_I32 = 0;
export const EMIT_I64 = 1;
export const IMPORT_COUNT = 2;

export interface GeneratedSignature {
  readonly type: FuncType;
  readonly weight: number;
}

export interface ModuleContext {
  /** The value types this module uses (e.g. integers only while a backend lacks floats). */
  readonly types: readonly ValType[];
  /** Earlier functions (index i is function IMPORT_COUNT + i, table slot i). */
  readonly functions: readonly GeneratedSignature[];
  readonly globals: readonly ValType[];
  /** Table length (functions plus empty slots). */
  readonly tableSize: number;
  /** Deduplicated type index of a signature, for call_indirect. */
  typeIndex(type: FuncType): number;
}

export interface GeneratedBody {
  readonly locals: ValType[];
  readonly body: Code;
  readonly weight: number;
}

const CANONICAL_NAN = { f32: 0x7fc00000, f64: 0x7ff8000000000000n };
const MAX_EXPRESSION_DEPTH = 4;
const MAX_STATEMENT_DEPTH = 2;

export function generateFunction(context: ModuleContext, type: FuncType, random: Random): GeneratedBody {
  const generator = new FunctionGenerator(context, type, random);
  const body = new Code();
  generator.statements(body, random.range(1, 5), 0);
  if (type.results.length === 1) generator.observable(body, type.results[0]!, MAX_EXPRESSION_DEPTH);
  return { locals: generator.extraLocals, body, weight: generator.weight };
}

class FunctionGenerator {
  readonly extraLocals: ValType[] = [];
  weight = 1;
  private readonly locals: ValType[];
  /** Locals statements may assign (params and extra locals, not loop counters or scratch). */
  private readonly assignable: number[] = [];
  /** One scratch local per float type for canonicalization, added on first use. */
  private readonly scratch: Partial<Record<"f32" | "f64", number>> = {};
  private multiplier = 1;

  constructor(
    private readonly context: ModuleContext,
    private readonly type: FuncType,
    private readonly random: Random,
  ) {
    this.locals = [...type.params];
    this.assignable.push(...type.params.keys());
    for (let i = random.range(1, 5); i > 0; i--)
      this.assignable.push(this.addLocal(random.pick(context.types)));
  }

  private addLocal(type: ValType): number {
    this.extraLocals.push(type);
    return this.locals.push(type) - 1;
  }

  // ---- statements ----

  statements(c: Code, count: number, depth: number): void {
    for (let i = 0; i < count; i++) this.statement(c, depth);
  }

  private statement(c: Code, depth: number): void {
    const nested = depth < MAX_STATEMENT_DEPTH;
    const choice = this.random.int(nested ? 10 : 7);
    const d = this.random.range(1, MAX_EXPRESSION_DEPTH);
    switch (choice) {
      case 0:
      case 1: {
        const local = this.random.pick(this.assignable);
        this.expression(c, this.locals[local]!, d);
        c.op("local.set", local);
        return;
      }
      case 2: {
        const global = this.random.int(this.context.globals.length);
        this.expression(c, this.context.globals[global]!, d);
        c.op("global.set", global);
        return;
      }
      case 3: {
        this.store(c, d);
        return;
      }
      case 4: {
        const emit64 = this.context.types.includes("i64") && this.random.chance(0.3);
        this.expression(c, emit64 ? "i64" : "i32", d);
        c.op("call", emit64 ? EMIT_I64 : EMIT_I32);
        return;
      }
      case 5: {
        this.callStatement(c, d);
        return;
      }
      case 6: {
        this.breakableBlock(c, depth);
        return;
      }
      case 7: {
        this.ifStatement(c, depth);
        return;
      }
      default: {
        this.loop(c, depth);
        return;
      }
    }
  }

  private store(c: Code, depth: number): void {
    const type = this.random.pick(this.context.types);
    const widths: Record<ValType, [OpName, number][]> = {
      i32: [
        ["i32.store", 2],
        ["i32.store8", 0],
        ["i32.store16", 1],
      ],
      i64: [
        ["i64.store", 3],
        ["i64.store8", 0],
        ["i64.store16", 1],
        ["i64.store32", 2],
      ],
      f32: [["f32.store", 2]],
      f64: [["f64.store", 3]],
    };
    const [op, naturalAlign] = this.random.pick(widths[type]);
    this.address(c, depth);
    this.observable(c, type, depth);
    c.memory(op, this.random.range(0, naturalAlign), this.random.int(8));
  }

  private callStatement(c: Code, depth: number): void {
    const callee = this.callee(() => true);
    if (callee === null) {
      this.store(c, depth);
      return;
    }
    this.call(c, callee, depth);
    if (this.context.functions[callee]!.type.results.length > 0) c.op("drop");
  }

  /** block { statements; br_if 0 (cond); statements } */
  private breakableBlock(c: Code, depth: number): void {
    c.structured("block", null);
    this.statements(c, this.random.range(1, 2), depth + 1);
    this.expression(c, "i32", 2);
    c.op("br_if", 0);
    this.statements(c, this.random.range(1, 2), depth + 1);
    c.op("end");
  }

  private ifStatement(c: Code, depth: number): void {
    this.expression(c, "i32", 3);
    c.structured("if", null);
    if (this.random.chance(0.15)) {
      this.earlyExit(c);
      c.op("end");
      return;
    }
    this.statements(c, this.random.range(1, 3), depth + 1);
    if (this.random.chance(0.5)) {
      c.op("else");
      this.statements(c, this.random.range(1, 3), depth + 1);
    }
    c.op("end");
  }

  /** Leaves the function from inside a branch: `return` with a result, rarely `unreachable`. */
  private earlyExit(c: Code): void {
    if (this.random.chance(0.05)) {
      c.op("unreachable");
      return;
    }
    const result = this.type.results[0];
    if (result !== undefined) this.observable(c, result, 2);
    c.op("return");
  }

  /** A loop that runs exactly `trips` times on its own counter (plus an optional early exit). */
  private loop(c: Code, depth: number): void {
    const trips = this.random.range(1, 5);
    const counter = this.addLocal("i32");
    c.i32Const(trips).op("local.set", counter);
    c.structured("block", null).structured("loop", null);
    const outer = this.multiplier;
    this.multiplier *= trips;
    this.statements(c, this.random.range(1, 3), depth + 1);
    if (this.random.chance(0.3)) {
      this.expression(c, "i32", 2);
      c.op("br_if", 1);
    }
    this.multiplier = outer;
    c.op("local.get", counter).i32Const(1).op("i32.sub").op("local.tee", counter).op("br_if", 0);
    c.op("end").op("end");
  }

  // ---- expressions ----

  /** An expression of `type` whose float bits are deterministic (NaNs canonicalized). */
  observable(c: Code, type: ValType, depth: number): void {
    this.expression(c, type, depth);
    if (type === "f32" || type === "f64") this.canonicalize(c, type);
  }

  private canonicalize(c: Code, type: "f32" | "f64"): void {
    const s = this.scratch[type] ?? this.addLocal(type);
    this.scratch[type] = s;
    c.op("local.tee", s);
    if (type === "f32") c.f32Const(CANONICAL_NAN.f32);
    else c.f64Const(CANONICAL_NAN.f64);
    c.op("local.get", s).op("local.get", s).op(`${type}.eq`).op("select");
  }

  expression(c: Code, type: ValType, depth: number): void {
    if (depth <= 0 || this.random.chance(0.15)) {
      this.leaf(c, type);
      return;
    }
    const d = depth - 1;
    const roll = this.random.int(100);
    if (roll < 40) {
      this.operator(c, type, d);
      return;
    }
    if (roll < 50) {
      this.conversion(c, type, d);
      return;
    }
    if (roll < 57) {
      this.load(c, type, d);
      return;
    }
    if (roll < 63) {
      this.select(c, type, d);
      return;
    }
    if (roll < 69) {
      this.ifExpression(c, type, d);
      return;
    }
    if (roll < 74) {
      this.blockExpression(c, type, d);
      return;
    }
    if (roll < 78) {
      this.switchExpression(c, type, d);
      return;
    }
    if (roll < 88) {
      this.callExpression(c, type, d);
      return;
    }
    if (roll < 92) {
      this.callIndirect(c, type, d);
      return;
    }
    if (roll < 96) {
      this.tee(c, type, d);
      return;
    }
    this.leaf(c, type);
    return;
  }

  private leaf(c: Code, type: ValType): void {
    const localsOfType = this.assignable.filter((l) => this.locals[l] === type);
    const globalsOfType = this.context.globals.flatMap((g, i) => (g === type ? [i] : []));
    const roll = this.random.int(10);
    if (type === "i32" && roll === 9 && this.random.chance(0.2)) c.op("memory.size", 0);
    else if (roll < 4 && localsOfType.length > 0) c.op("local.get", this.random.pick(localsOfType));
    else if (roll < 5 && globalsOfType.length > 0) c.op("global.get", this.random.pick(globalsOfType));
    else this.constant(c, type);
  }

  private constant(c: Code, type: ValType): void {
    const r = this.random;
    switch (type) {
      case "i32":
        c.i32Const(r.pick([0, 1, -1, 2, 7, 31, 32, 63, 255, 0x7fffffff, -0x80000000, r.u32(), r.int(100)]));
        return;
      case "i64":
        c.i64Const(
          r.pick([
            0n,
            1n,
            -1n,
            63n,
            64n,
            0xffffffffn,
            1n << 32n,
            -(1n << 63n),
            (1n << 63n) - 1n,
            r.i64(),
            BigInt(r.int(100)),
          ]),
        );
        return;
      case "f32":
        c.f32Const(
          r.pick([
            0,
            0x80000000,
            0x3f800000,
            0xbf800000,
            0x3f000000,
            0x7f800000,
            0xff800000,
            0x7fc00000,
            0x4f000000,
            0x5f000000,
            0x00000001,
            0x4b000001,
            r.u32() & 0x7fffffff,
            0x3f000000 + r.int(0x2000000),
          ]),
        );
        return;
      case "f64":
        c.f64Const(
          r.pick([
            0n,
            1n << 63n,
            0x3ff0000000000000n,
            0xbff0000000000000n,
            0x41dfffffffe00000n,
            0xc1e0000000200000n,
            0x41f0000000000000n,
            0x43e0000000000000n,
            0x7ff0000000000000n,
            0x7ff8000000000000n,
            1n,
            0x3fe0000000000000n,
            BigInt.asUintN(64, r.i64()) & 0x7fffffffffffffffn,
            0x3ff0000000000000n + BigInt(r.u32()) * 4096n,
          ]),
        );
        return;
    }
  }

  private operator(c: Code, type: ValType, d: number): void {
    const r = this.random;
    if (type === "i32" && r.chance(0.3)) {
      this.comparison(c, d);
      return;
    }
    const unary = UNARY[type];
    if (r.chance(0.25)) {
      const op = r.pick(unary);
      this.expression(c, type, d);
      c.op(op);
      return;
    }
    const op = r.pick(BINARY[type]);
    if (op.endsWith("copysign")) {
      this.observable(c, type, d);
      this.observable(c, type, d);
    } else {
      this.expression(c, type, d);
      this.expression(c, type, d);
      if (DIVISIONS.has(op) && r.chance(0.97)) this.makeNonZero(c, type);
    }
    c.op(op);
  }

  /** ORs 1 into the divisor: still reaches INT_MIN / -1, no longer divides by zero. */
  private makeNonZero(c: Code, type: ValType): void {
    if (type === "i32") c.i32Const(1).op("i32.or");
    else c.i64Const(1n).op("i64.or");
  }

  private comparison(c: Code, d: number): void {
    const operand = this.random.pick(this.context.types);
    if (this.random.chance(0.15) && (operand === "i32" || operand === "i64")) {
      this.expression(c, operand, d);
      c.op(`${operand}.eqz`);
      return;
    }
    this.expression(c, operand, d);
    this.expression(c, operand, d);
    c.op(this.random.pick(COMPARISONS[operand]));
  }

  private conversion(c: Code, type: ValType, d: number): void {
    const trapping = this.random.chance(0.03);
    const options = CONVERSIONS[type].filter(
      ([from, op]) => this.context.types.includes(from) && TRAPPING_CONVERSIONS.test(op) === trapping,
    );
    if (options.length === 0) {
      this.operator(c, type, d);
      return;
    }
    const [from, op] = this.random.pick(options);
    if (op.includes("reinterpret") && (from === "f32" || from === "f64")) this.observable(c, from, d);
    else this.expression(c, from, d);
    if (op.includes("trunc_sat")) c.saturating(op as SaturatingName);
    else c.op(op as OpName);
  }

  private address(c: Code, d: number): void {
    this.expression(c, "i32", Math.min(d, 2));
    c.i32Const(0x3f8).op("i32.and");
  }

  private load(c: Code, type: ValType, d: number): void {
    const [op, naturalAlign] = this.random.pick(LOADS[type]);
    this.address(c, d);
    c.memory(op, this.random.range(0, naturalAlign), this.random.int(8));
  }

  private select(c: Code, type: ValType, d: number): void {
    this.expression(c, type, d);
    this.expression(c, type, d);
    this.expression(c, "i32", d);
    c.op("select");
  }

  private ifExpression(c: Code, type: ValType, d: number): void {
    this.expression(c, "i32", d);
    c.structured("if", type);
    this.expression(c, type, d);
    c.op("else");
    this.expression(c, type, d);
    c.op("end");
  }

  /** block (result t) { t; cond; br_if 0; drop; t } */
  private blockExpression(c: Code, type: ValType, d: number): void {
    c.structured("block", type);
    this.expression(c, type, d);
    this.expression(c, "i32", d);
    c.op("br_if", 0).op("drop");
    this.expression(c, type, d);
    c.op("end");
  }

  /** A br_table over 2–5 cases, each case producing a value and leaving the outer block. */
  private switchExpression(c: Code, type: ValType, d: number): void {
    const cases = this.random.range(2, 5);
    c.structured("block", type);
    for (let i = 0; i < cases; i++) c.structured("block", null);
    this.expression(c, "i32", d);
    const targets = Array.from({ length: this.random.range(1, 8) }, () => this.random.int(cases));
    c.brTable(targets, this.random.int(cases));
    for (let j = 0; j < cases; j++) {
      c.op("end");
      this.expression(c, type, Math.min(d, 2));
      if (j < cases - 1) c.op("br", cases - 1 - j);
    }
    c.op("end");
  }

  private tee(c: Code, type: ValType, d: number): void {
    const locals = this.assignable.filter((l) => this.locals[l] === type);
    if (locals.length === 0) {
      this.leaf(c, type);
      return;
    }
    this.expression(c, type, d);
    c.op("local.tee", this.random.pick(locals));
  }

  // ---- calls ----

  /** A callee that keeps this function under MAX_WEIGHT, or null. */
  private callee(accept: (type: FuncType) => boolean): number | null {
    const candidates = this.context.functions.flatMap((f, i) =>
      accept(f.type) && this.weight + this.multiplier * f.weight <= MAX_WEIGHT ? [i] : [],
    );
    if (candidates.length === 0) return null;
    const callee = this.random.pick(candidates);
    this.weight += this.multiplier * this.context.functions[callee]!.weight;
    return callee;
  }

  private call(c: Code, callee: number, d: number): void {
    for (const param of this.context.functions[callee]!.type.params)
      this.expression(c, param, Math.min(d, 2));
    c.op("call", IMPORT_COUNT + callee);
  }

  private callExpression(c: Code, type: ValType, d: number): void {
    const callee = this.callee((t) => t.results.length === 1 && t.results[0] === type);
    if (callee === null) {
      this.leaf(c, type);
      return;
    }
    this.call(c, callee, d);
  }

  /**
   * call_indirect with the callee's type; the index is the callee's slot or, chosen at run time,
   * another slot — another function (maybe of another type: a signature trap), an empty slot or one
   * past the table (traps), so each outcome is the same on both sides.
   */
  private callIndirect(c: Code, type: ValType, d: number): void {
    const callee = this.callee((t) => t.results.length === 1 && t.results[0] === type);
    if (callee === null) {
      this.leaf(c, type);
      return;
    }
    const calleeType = this.context.functions[callee]!.type;
    const other = this.callee(() => true);
    const otherSlot = other ?? this.random.pick([this.context.tableSize - 1, this.context.tableSize + 3]);
    for (const param of calleeType.params) this.expression(c, param, Math.min(d, 2));
    c.i32Const(callee);
    if (this.random.chance(0.15)) {
      c.i32Const(this.random.chance(0.7) ? otherSlot : this.context.tableSize + 3);
      this.expression(c, "i32", Math.min(d, 1));
      c.op("select");
    }
    c.op("call_indirect", this.context.typeIndex(calleeType), 0);
  }
}

const UNARY: Record<ValType, OpName[]> = {
  i32: ["i32.clz", "i32.ctz", "i32.popcnt", "i32.eqz", "i32.extend8_s", "i32.extend16_s"],
  i64: ["i64.clz", "i64.ctz", "i64.popcnt", "i64.extend8_s", "i64.extend16_s", "i64.extend32_s"],
  f32: ["f32.abs", "f32.neg", "f32.ceil", "f32.floor", "f32.trunc", "f32.nearest", "f32.sqrt"],
  f64: ["f64.abs", "f64.neg", "f64.ceil", "f64.floor", "f64.trunc", "f64.nearest", "f64.sqrt"],
};

const BINARY: Record<ValType, OpName[]> = {
  i32: [
    "i32.add",
    "i32.sub",
    "i32.mul",
    "i32.div_s",
    "i32.div_u",
    "i32.rem_s",
    "i32.rem_u",
    "i32.and",
    "i32.or",
    "i32.xor",
    "i32.shl",
    "i32.shr_s",
    "i32.shr_u",
    "i32.rotl",
    "i32.rotr",
  ],
  i64: [
    "i64.add",
    "i64.sub",
    "i64.mul",
    "i64.div_s",
    "i64.div_u",
    "i64.rem_s",
    "i64.rem_u",
    "i64.and",
    "i64.or",
    "i64.xor",
    "i64.shl",
    "i64.shr_s",
    "i64.shr_u",
    "i64.rotl",
    "i64.rotr",
  ],
  f32: ["f32.add", "f32.sub", "f32.mul", "f32.div", "f32.min", "f32.max", "f32.copysign"],
  f64: ["f64.add", "f64.sub", "f64.mul", "f64.div", "f64.min", "f64.max", "f64.copysign"],
};

const DIVISIONS = new Set<OpName>([
  "i32.div_s",
  "i32.div_u",
  "i32.rem_s",
  "i32.rem_u",
  "i64.div_s",
  "i64.div_u",
  "i64.rem_s",
  "i64.rem_u",
]);

const COMPARISONS: Record<ValType, OpName[]> = {
  i32: [
    "i32.eq",
    "i32.ne",
    "i32.lt_s",
    "i32.lt_u",
    "i32.gt_s",
    "i32.gt_u",
    "i32.le_s",
    "i32.le_u",
    "i32.ge_s",
    "i32.ge_u",
  ],
  i64: [
    "i64.eq",
    "i64.ne",
    "i64.lt_s",
    "i64.lt_u",
    "i64.gt_s",
    "i64.gt_u",
    "i64.le_s",
    "i64.le_u",
    "i64.ge_s",
    "i64.ge_u",
  ],
  f32: ["f32.eq", "f32.ne", "f32.lt", "f32.gt", "f32.le", "f32.ge"],
  f64: ["f64.eq", "f64.ne", "f64.lt", "f64.gt", "f64.le", "f64.ge"],
};

type Conversion = [ValType, OpName | SaturatingName];

const CONVERSIONS: Record<ValType, Conversion[]> = {
  i32: [
    ["i64", "i32.wrap_i64"],
    ["f32", "i32.trunc_f32_s"],
    ["f32", "i32.trunc_f32_u"],
    ["f64", "i32.trunc_f64_s"],
    ["f64", "i32.trunc_f64_u"],
    ["f32", "i32.trunc_sat_f32_s"],
    ["f32", "i32.trunc_sat_f32_u"],
    ["f64", "i32.trunc_sat_f64_s"],
    ["f64", "i32.trunc_sat_f64_u"],
    ["f32", "i32.reinterpret_f32"],
  ],
  i64: [
    ["i32", "i64.extend_i32_s"],
    ["i32", "i64.extend_i32_u"],
    ["f32", "i64.trunc_f32_s"],
    ["f32", "i64.trunc_f32_u"],
    ["f64", "i64.trunc_f64_s"],
    ["f64", "i64.trunc_f64_u"],
    ["f32", "i64.trunc_sat_f32_s"],
    ["f32", "i64.trunc_sat_f32_u"],
    ["f64", "i64.trunc_sat_f64_s"],
    ["f64", "i64.trunc_sat_f64_u"],
    ["f64", "i64.reinterpret_f64"],
  ],
  f32: [
    ["i32", "f32.convert_i32_s"],
    ["i32", "f32.convert_i32_u"],
    ["i64", "f32.convert_i64_s"],
    ["i64", "f32.convert_i64_u"],
    ["f64", "f32.demote_f64"],
    ["i32", "f32.reinterpret_i32"],
  ],
  f64: [
    ["i32", "f64.convert_i32_s"],
    ["i32", "f64.convert_i32_u"],
    ["i64", "f64.convert_i64_s"],
    ["i64", "f64.convert_i64_u"],
    ["f32", "f64.promote_f32"],
    ["i64", "f64.reinterpret_i64"],
  ],
};

/** Float-to-integer truncations that trap on NaN and out-of-range values. */
const TRAPPING_CONVERSIONS = /trunc_f/;

const LOADS: Record<ValType, [OpName, number][]> = {
  i32: [
    ["i32.load", 2],
    ["i32.load8_s", 0],
    ["i32.load8_u", 0],
    ["i32.load16_s", 1],
    ["i32.load16_u", 1],
  ],
  i64: [
    ["i64.load", 3],
    ["i64.load8_s", 0],
    ["i64.load8_u", 0],
    ["i64.load16_s", 1],
    ["i64.load16_u", 1],
    ["i64.load32_s", 2],
    ["i64.load32_u", 2],
  ],
  f32: [["f32.load", 2]],
  f64: [["f64.load", 3]],
};
