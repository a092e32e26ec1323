/**
 * compileModule: a WebAssembly module (as `asc -O3` emits it) → a relocatable X86Object.
 *
 * Layer: public entry point and module-level code generation. Order of work: decode the
 * module; lay out globals (data), the indirect-call table (rodata) and data segments
 * (placed at memoryBase); compile each function twice (measure, then emit — see
 * `codegen/function-compiler.ts`); then emit the start routine, trap stubs, helpers,
 * constants and jump tables that the functions asked for.
 *
 * Symbols: exported function `f` → global `${prefix}f`; start routine → global
 * `${prefix}__start`; everything else is local to the object. Imports from any module but
 * "x86" are undefined symbols `module.name`, called cdecl.
 */

import type { X86Object } from "@sawmill/x86";
import { Assembler, eax, ebp, ebx, ecx, edi, edx, esi, type Gpr, type Label } from "@sawmill/x86";
import { analyseFunction } from "./codegen/analysis.js";
import { type FrameChoice, FunctionCompiler, type FunctionInput } from "./codegen/function-compiler.js";
import { emitHelpers, type HelperName } from "./codegen/helpers.js";
import type { ModuleContext } from "./codegen/module-context.js";
import { decodeModule } from "./decoder/decode-module.js";
import { decodeInstructions } from "./decoder/instructions.js";
import type { FunctionImport, WasmModule } from "./decoder/module.js";
import { op } from "./decoder/opcodes.js";
import { DecodeError } from "./decoder/reader.js";
import { CompileError } from "./errors.js";
import { LOWERINGS, STRUCTURAL } from "./lower/index.js";
import type { FuncType, ValType } from "./types.js";

export interface CompileOptions {
  /** Virtual address of linear memory byte 0. */
  readonly memoryBase: number;
  /** Prepended to every global symbol this object defines. */
  readonly prefix?: string;
}

export interface FunctionSignature {
  readonly name: string;
  readonly symbol: string;
  readonly params: ValType[];
  readonly results: ValType[];
}

export interface CompiledModule {
  readonly object: X86Object;
  readonly exports: { name: string; symbol: string; params: ValType[]; results: ValType[] }[];
  readonly imports: { module: string; name: string; symbol: string; params: ValType[]; results: ValType[] }[];
  readonly memory: { initialPages: number; maxPages: number | null } | null;
  readonly startSymbol: string;
}

/** General registers the value stack may use, caller-saved first (cheapest to use). */
const VALUE_REGISTERS: readonly Gpr[] = [eax, ecx, edx, ebx, esi, edi, ebp];
const CALLEE_SAVED: readonly Gpr[] = [ebx, esi, edi, ebp];
/** Spill slots reserved while measuring; a function needing more is rejected. */
const MEASURE_SLOTS = 4096;
const END = op("end");

export function compileModule(wasm: Uint8Array, options: CompileOptions): CompiledModule {
  let module: WasmModule;
  try {
    module = decodeModule(wasm);
  } catch (error) {
    if (error instanceof DecodeError) throw new CompileError(error.message, null, null, error.offset, null);
    throw error;
  }
  return new ModuleCompiler(module, options).compile();
}

class ModuleCompiler implements ModuleContext {
  readonly memoryBase: number;
  readonly valueRegisters = VALUE_REGISTERS;
  private readonly a = new Assembler();
  private readonly prefix: string;
  private readonly functionLabels: Label[];
  private readonly traps = new Map<number, Label>();
  private readonly helpers = new Map<HelperName, Label>();
  private readonly constants = new Map<string, { label: Label; bytes: readonly number[] }>();
  private readonly jumpTables: { label: Label; targets: readonly Label[] }[] = [];
  private readonly signatureIds: number[];

  constructor(
    private readonly module: WasmModule,
    options: CompileOptions,
  ) {
    this.memoryBase = options.memoryBase;
    this.prefix = options.prefix ?? "";
    this.functionLabels = module.functions.map(() => this.a.newLabel());
    this.signatureIds = module.types.map((t, i) => module.types.findIndex((u) => sameType(t, u)) ?? i);
  }

  compile(): CompiledModule {
    this.a.section("text");
    const exportNames = this.exportNames();
    for (let i = 0; i < this.module.functions.length; i++) {
      this.compileFunction(i, exportNames.get(this.importCount + i) ?? []);
    }
    this.emitStart();
    this.emitRuntimeSupport();
    this.emitGlobals();
    this.emitTable();
    this.emitData();
    const object = this.a.finish();
    return {
      object,
      exports: this.describeExports(),
      imports: this.describeImports(),
      memory: this.module.memory
        ? { initialPages: this.module.memory.min, maxPages: this.module.memory.max }
        : null,
      startSymbol: `${this.prefix}__start`,
    };
  }

  // ---- ModuleContext ----

  lowering(opcode: number) {
    return LOWERINGS.get(opcode);
  }

  isStructural(opcode: number): boolean {
    return STRUCTURAL.has(opcode);
  }

  isEnd(opcode: number): boolean {
    return opcode === END;
  }

  functionName(index: number): string | null {
    return this.module.functionNames.get(index) ?? null;
  }

  functionType(index: number): FuncType {
    const imported = this.functionImport(index);
    const typeIndex = imported
      ? imported.typeIndex
      : this.module.functions[index - this.importCount].typeIndex;
    return this.module.types[typeIndex];
  }

  blockType(typeIndex: number): FuncType {
    return this.module.types[typeIndex];
  }

  functionImport(index: number): FunctionImport | null {
    return this.module.functionImports[index] ?? null;
  }

  callTarget(index: number): Label | string {
    const imported = this.functionImport(index);
    return imported ? importSymbol(imported) : this.functionLabels[index - this.importCount];
  }

  global(index: number) {
    const g = this.module.globals[index];
    return { ...g, symbol: this.globalSymbol(index) };
  }

  table() {
    return { symbol: `${this.prefix}__table`, size: this.module.table?.min ?? 0 };
  }

  signatureId(typeIndex: number): number {
    return this.signatureIds[typeIndex];
  }

  trap(kind: number): Label {
    return getOrCreate(this.traps, kind, () => this.a.newLabel());
  }

  helper(name: HelperName): Label {
    return getOrCreate(this.helpers, name, () => this.a.newLabel());
  }

  constant(bytes: readonly number[]): Label {
    return getOrCreate(this.constants, bytes.join(","), () => ({ label: this.a.newLabel(), bytes })).label;
  }

  jumpTable(targets: readonly Label[]): Label {
    const label = this.a.newLabel();
    this.jumpTables.push({ label, targets });
    return label;
  }

  // ---- functions ----

  private get importCount(): number {
    return this.module.functionImports.length;
  }

  private compileFunction(definedIndex: number, exportNames: readonly string[]): void {
    const index = this.importCount + definedIndex;
    const body = this.module.functions[definedIndex];
    const type = this.module.types[body.typeIndex];
    const input = this.functionInput(index, type, body.locals, body.codeStart, body.codeEnd);
    const measured = this.measure(input);
    this.a.align(16);
    this.a.bind(this.functionLabels[definedIndex]);
    this.a.local(`${this.prefix}__func${index}`);
    for (const name of exportNames) this.a.global(this.prefix + name);
    new FunctionCompiler(this.a, this, input, measured).compile();
  }

  private functionInput(
    index: number,
    type: FuncType,
    locals: readonly ValType[],
    start: number,
    end: number,
  ): FunctionInput {
    let instrs: FunctionInput["instrs"];
    try {
      instrs = decodeInstructions(this.module.bytes, start, end);
    } catch (error) {
      if (!(error instanceof DecodeError)) throw error;
      throw new CompileError(error.message, index, this.functionName(index), error.offset, null);
    }
    const facts = analyseFunction(instrs, [...type.params, ...locals], type.params.length);
    return { index, type, locals, instrs, facts };
  }

  /** First pass into a scratch assembler: how many spill slots and which registers are used. */
  private measure(input: FunctionInput): FrameChoice {
    const scratch = new Assembler();
    scratch.section("text");
    const view = new ScratchContext(this, scratch);
    const fc = new FunctionCompiler(scratch, view, input, { slots: MEASURE_SLOTS, saved: CALLEE_SAVED });
    fc.compile();
    const homes = new Set(input.facts.registerLocals.values());
    const saved = CALLEE_SAVED.filter((r) => homes.has(r) || fc.s.touched.has(r));
    return { slots: fc.s.slotsUsed, saved };
  }

  private exportNames(): Map<number, string[]> {
    const names = new Map<number, string[]>();
    for (const e of this.module.exports) {
      if (e.kind !== "func") continue;
      if (e.index < this.importCount) {
        throw new CompileError(
          `export "${e.name}" re-exports an import, which is not supported`,
          e.index,
          null,
          0,
          null,
        );
      }
      getOrCreate(names, e.index, () => []).push(e.name);
    }
    return names;
  }

  // ---- module-level pieces ----

  private emitStart(): void {
    this.a.align(16);
    this.a.global(`${this.prefix}__start`);
    const start = this.module.start;
    if (start === null) this.a.ret();
    else this.a.jmp(this.callTarget(start) as Label);
  }

  /** Helpers first: they may ask for trap stubs of their own. */
  private emitRuntimeSupport(): void {
    emitHelpers({ a: this.a, memoryBase: this.memoryBase, trap: (kind) => this.trap(kind) }, this.helpers);
    for (const [kind, label] of this.traps) {
      this.a.bind(label);
      this.a.mov(eax, kind);
      this.a.call("__wasm_trap");
    }
    if (this.constants.size > 0 || this.jumpTables.length > 0) this.a.section("rodata");
    for (const { label, bytes } of this.constants.values()) {
      this.a.align(16);
      this.a.bind(label);
      this.a.db(...bytes);
    }
    for (const { label, targets } of this.jumpTables) {
      this.a.align(4);
      this.a.bind(label);
      this.a.dd(...targets);
    }
    this.a.section("text");
  }

  private globalSymbol(index: number): string {
    return `${this.prefix}__global${index}`;
  }

  private emitGlobals(): void {
    if (this.module.globals.length === 0) return;
    this.a.section("data");
    this.module.globals.forEach((g, i) => {
      this.a.align(8);
      this.a.local(this.globalSymbol(i));
      const init = g.init;
      if (init.kind === "global.get") {
        throw new CompileError(
          `global ${i} is initialised from another global, which is not supported`,
          null,
          null,
          0,
          null,
        );
      }
      if (init.kind === "i32") this.a.dd(init.value);
      else if (init.kind === "f32") this.a.dd(init.bits | 0);
      else if (init.kind === "i64") this.a.dq(init.value);
      else this.a.dq(BigInt.asIntN(64, init.bits));
    });
  }

  /** The indirect-call table: (signature id, code address) per element; null = (-1, 0). */
  private emitTable(): void {
    const size = this.module.table?.min ?? 0;
    if (size === 0 && this.module.elements.length === 0) return;
    const entries: (number | null)[] = new Array(size).fill(null);
    for (const segment of this.module.elements) {
      segment.functionIndices.forEach((f, k) => {
        if (segment.offset + k >= size)
          throw new CompileError("element segment beyond the table", null, null, 0, null);
        entries[segment.offset + k] = f;
      });
    }
    this.a.section("rodata");
    this.a.align(8);
    this.a.local(this.table().symbol);
    for (const f of entries) {
      if (f === null) {
        this.a.dd(-1, 0);
        continue;
      }
      const imported = this.functionImport(f);
      const typeIndex = imported ? imported.typeIndex : this.module.functions[f - this.importCount].typeIndex;
      if (imported)
        throw new CompileError(`table element ${f} is an imported function, not supported`, f, null, 0, null);
      this.a.dd(this.signatureIds[typeIndex], this.functionLabels[f - this.importCount]);
    }
    this.a.section("text");
  }

  private emitData(): void {
    for (const segment of this.module.data) {
      if (segment.offset === null || segment.bytes.length === 0) continue;
      this.a.place((this.memoryBase + segment.offset) >>> 0, segment.bytes);
    }
  }

  private describeExports(): CompiledModule["exports"] {
    return this.module.exports
      .filter((e) => e.kind === "func")
      .map((e) => {
        const type = this.functionType(e.index);
        return {
          name: e.name,
          symbol: this.prefix + e.name,
          params: [...type.params],
          results: [...type.results],
        };
      });
  }

  private describeImports(): CompiledModule["imports"] {
    return this.module.functionImports
      .filter((imp) => imp.module !== "x86")
      .map((imp) => {
        const type = this.module.types[imp.typeIndex];
        return {
          module: imp.module,
          name: imp.name,
          symbol: importSymbol(imp),
          params: [...type.params],
          results: [...type.results],
        };
      });
  }
}

/**
 * The module context seen by the measuring pass: identical answers, but every label it hands
 * out belongs to the scratch assembler (labels cannot cross assemblers).
 */
class ScratchContext implements ModuleContext {
  readonly memoryBase: number;
  readonly valueRegisters: readonly Gpr[];

  constructor(
    private readonly real: ModuleCompiler,
    private readonly scratch: Assembler,
  ) {
    this.memoryBase = real.memoryBase;
    this.valueRegisters = real.valueRegisters;
  }

  lowering = (opcode: number) => this.real.lowering(opcode);
  isStructural = (opcode: number) => this.real.isStructural(opcode);
  isEnd = (opcode: number) => this.real.isEnd(opcode);
  functionName = (index: number) => this.real.functionName(index);
  functionType = (index: number) => this.real.functionType(index);
  blockType = (typeIndex: number) => this.real.blockType(typeIndex);
  functionImport = (index: number) => this.real.functionImport(index);
  callTarget = (index: number): Label | string => {
    const target = this.real.callTarget(index);
    return typeof target === "string" ? target : `__measure_func${index}`;
  };
  global = (index: number) => this.real.global(index);
  table = () => this.real.table();
  signatureId = (typeIndex: number) => this.real.signatureId(typeIndex);
  trap = () => this.scratch.newLabel();
  helper = () => this.scratch.newLabel();
  constant = () => this.scratch.newLabel();
  jumpTable = () => this.scratch.newLabel();
}

function sameType(a: FuncType, b: FuncType): boolean {
  const same = (x: readonly ValType[], y: readonly ValType[]) =>
    x.length === y.length && x.every((t, i) => t === y[i]);
  return same(a.params, b.params) && same(a.results, b.results);
}

function importSymbol(imported: FunctionImport): string {
  return `${imported.module}.${imported.name}`;
}

function getOrCreate<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}
