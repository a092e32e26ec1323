/**
 * Modules of functions, one memory, globals and a funcref table.
 *
 * Layer: wasm-encoder modules, the top of the package. Interface: a `ModuleBuilder` collects
 * types, imports, functions (bodies built with `Code`), a memory, mutable globals, a funcref
 * table and exports; `encode()` returns the binary.
 *
 * Invariants: function types are deduplicated and their indices never change once assigned
 * (`call_indirect` immediates use them); imports come before defined functions in the function
 * index space. The encoder does not validate; `WebAssembly.validate` is the check.
 */

import { Code } from "./code.js";
import { unsignedLeb128 as u32 } from "./leb128.js";
import { OP } from "./opcodes.js";
import { MODULE_HEADER, name, section, vector } from "./sections.js";
import { type FuncType, VALTYPE, type ValType } from "./types.js";

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
    const exported = this.functions.flatMap((f, i) =>
      f.exportName === undefined ? [] : [{ name: f.exportName, index: this.imports.length + i }],
    );
    return Uint8Array.from([
      ...MODULE_HEADER,
      ...section(1, vector(this.types.map(funcType))),
      ...section(
        2,
        vector(
          this.imports.map((imp, i) => [...name(imp.module), ...name(imp.name), 0, ...u32(importTypes[i]!)]),
        ),
      ),
      ...section(3, vector(functionTypes.map(u32))),
      ...(this.table === null ? [] : section(4, [1, 0x70, 0, ...u32(this.table.length)])),
      ...(this.memory === null ? [] : section(5, [1, ...limits(this.memory)])),
      ...section(6, vector(this.globals.map((g) => [VALTYPE[g.type], 1, ...g.init.bytes, OP.end]))),
      ...section(7, vector(exported.map((e) => [...name(e.name), 0, ...u32(e.index)]))),
      ...(this.table === null ? [] : section(9, vector(elementSegments(this.table)))),
      ...section(10, vector(this.functions.map(functionBody))),
    ]);
  }
}

function funcType(t: FuncType): number[] {
  return [0x60, ...vector(t.params.map((p) => [VALTYPE[p]])), ...vector(t.results.map((r) => [VALTYPE[r]]))];
}

function limits(l: { min: number; max: number | null }): number[] {
  return l.max === null ? [0, ...u32(l.min)] : [1, ...u32(l.min), ...u32(l.max)];
}

/** One active segment per run of filled entries (empty entries stay null). */
function elementSegments(table: readonly (number | null)[]): number[][] {
  const runs: { start: number; entries: number[] }[] = [];
  table.forEach((entry, i) => {
    if (entry === null) return;
    const last = runs.at(-1);
    if (last !== undefined && last.start + last.entries.length === i) last.entries.push(entry);
    else runs.push({ start: i, entries: [entry] });
  });
  return runs.map((run) => [
    0,
    ...new Code().i32Const(run.start).bytes,
    OP.end,
    ...vector(run.entries.map(u32)),
  ]);
}

/** The body's size, its locals run-length grouped by type, the instructions and `end`. */
function functionBody(f: FunctionDef): number[] {
  const groups: { type: ValType; count: number }[] = [];
  for (const local of f.locals) {
    const last = groups.at(-1);
    if (last?.type === local) last.count++;
    else groups.push({ type: local, count: 1 });
  }
  const body = [...vector(groups.map((g) => [...u32(g.count), VALTYPE[g.type]])), ...f.body.bytes, OP.end];
  return [...u32(body.length), ...body];
}
