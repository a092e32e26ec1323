/**
 * WebAssembly binary → WasmModule: the section-level decoder.
 *
 * Layer: decoder. Reads the preamble and every known section in order, keeping only what the
 * backend uses; custom sections other than "name" are skipped. Imports the backend cannot
 * honour (globals, tables) are rejected here with the byte offset of the import entry.
 */

import type { FuncType, ValType } from "../types.js";
import type {
  ConstExpr,
  DataSegment,
  ElementSegment,
  Export,
  FunctionBody,
  FunctionImport,
  Global,
  Limits,
  WasmModule,
} from "./module.js";
import { ByteReader, DecodeError } from "./reader.js";

const VALTYPES: Record<number, ValType> = { 127: "i32", 126: "i64", 125: "f32", 124: "f64" };

export function readValType(r: ByteReader): ValType {
  const at = r.offset;
  const code = r.u8();
  const type = VALTYPES[code];
  if (!type) throw new DecodeError(`unsupported value type 0x${code.toString(16)}`, at);
  return type;
}

interface Builder {
  types: FuncType[];
  functionImports: FunctionImport[];
  functionTypes: number[];
  functions: FunctionBody[];
  table: Limits | null;
  memory: Limits | null;
  globals: Global[];
  exports: Export[];
  start: number | null;
  elements: ElementSegment[];
  data: DataSegment[];
  functionNames: Map<number, string>;
}

export function decodeModule(bytes: Uint8Array): WasmModule {
  const r = new ByteReader(bytes);
  if (r.u8() !== 0 || r.u8() !== 0x61 || r.u8() !== 0x73 || r.u8() !== 0x6d) {
    throw new DecodeError("not a WebAssembly module (bad magic)", 0);
  }
  const version = r.u8() | (r.u8() << 8) | (r.u8() << 16) | (r.u8() << 24);
  if (version !== 1) throw new DecodeError(`unsupported WebAssembly version ${version}`, 4);
  const m: Builder = {
    types: [],
    functionImports: [],
    functionTypes: [],
    functions: [],
    table: null,
    memory: null,
    globals: [],
    exports: [],
    start: null,
    elements: [],
    data: [],
    functionNames: new Map(),
  };
  while (!r.atEnd()) {
    const id = r.u8();
    const size = r.u32();
    const section = new ByteReader(bytes, r.offset, r.offset + size);
    readSection(id, section, m);
    r.offset += size;
  }
  const { functionTypes: _, ...module } = m;
  return { bytes, ...module };
}

function readSection(id: number, r: ByteReader, m: Builder): void {
  switch (id) {
    case 0:
      readCustom(r, m);
      break;
    case 1:
      vec(r, () => m.types.push(readFuncType(r)));
      break;
    case 2:
      vec(r, () => readImport(r, m));
      break;
    case 3:
      vec(r, () => m.functionTypes.push(r.u32()));
      break;
    case 4:
      vec(r, () => {
        const at = r.offset;
        if (r.u8() !== 0x70) throw new DecodeError("only funcref tables are supported", at);
        if (m.table) throw new DecodeError("more than one table", at);
        m.table = readLimits(r);
      });
      break;
    case 5:
      vec(r, () => {
        if (m.memory) throw new DecodeError("more than one memory", r.offset);
        m.memory = readLimits(r);
      });
      break;
    case 6:
      vec(r, () => {
        const type = readValType(r);
        const mutable = r.u8() === 1;
        m.globals.push({ type, mutable, init: readConstExpr(r) });
      });
      break;
    case 7:
      vec(r, () => m.exports.push(readExport(r)));
      break;
    case 8:
      m.start = r.u32();
      return;
    case 9:
      vec(r, () => m.elements.push(readElement(r)));
      break;
    case 10:
      readCode(r, m);
      break;
    case 11:
      vec(r, () => m.data.push(readData(r)));
      break;
    case 12:
      return; // data count: only a hint for validators
    default:
      throw new DecodeError(`unknown section id ${id}`, r.offset);
  }
}

function vec(r: ByteReader, readOne: () => void): void {
  const count = r.u32();
  for (let i = 0; i < count; i++) readOne();
}

function readFuncType(r: ByteReader): FuncType {
  const at = r.offset;
  if (r.u8() !== 0x60) throw new DecodeError("expected a function type (0x60)", at);
  const params: ValType[] = [];
  vec(r, () => params.push(readValType(r)));
  const results: ValType[] = [];
  vec(r, () => results.push(readValType(r)));
  return { params, results };
}

function readLimits(r: ByteReader): Limits {
  const flags = r.u8();
  const min = r.u32();
  return { min, max: flags & 1 ? r.u32() : null };
}

function readImport(r: ByteReader, m: Builder): void {
  const at = r.offset;
  const module = r.name();
  const name = r.name();
  const kind = r.u8();
  if (kind === 0) {
    m.functionImports.push({ module, name, typeIndex: r.u32() });
  } else if (kind === 2) {
    if (m.memory) throw new DecodeError("more than one memory", at);
    m.memory = readLimits(r);
  } else {
    const what = kind === 1 ? "table" : kind === 3 ? "global" : `kind ${kind}`;
    throw new DecodeError(`unsupported import of a ${what} (${module}.${name})`, at);
  }
}

function readExport(r: ByteReader): Export {
  const name = r.name();
  const kinds = ["func", "table", "memory", "global"] as const;
  const at = r.offset;
  const kind = kinds[r.u8()];
  if (!kind) throw new DecodeError(`bad export kind for ${name}`, at);
  return { name, kind, index: r.u32() };
}

export function readConstExpr(r: ByteReader): ConstExpr {
  const at = r.offset;
  const opcode = r.u8();
  let expr: ConstExpr;
  if (opcode === 0x41) expr = { kind: "i32", value: r.s32() };
  else if (opcode === 0x42) expr = { kind: "i64", value: r.s64() };
  else if (opcode === 0x43) expr = { kind: "f32", bits: r.f32Bits() };
  else if (opcode === 0x44) expr = { kind: "f64", bits: r.f64Bits() };
  else if (opcode === 0x23) expr = { kind: "global.get", index: r.u32() };
  else throw new DecodeError(`unsupported constant expression opcode 0x${opcode.toString(16)}`, at);
  if (r.u8() !== 0x0b) throw new DecodeError("constant expression longer than one instruction", at);
  return expr;
}

function constOffset(r: ByteReader): number {
  const at = r.offset;
  const expr = readConstExpr(r);
  if (expr.kind !== "i32") throw new DecodeError("segment offset must be an i32.const", at);
  return expr.value >>> 0;
}

function readElement(r: ByteReader): ElementSegment {
  const at = r.offset;
  const flags = r.u32();
  if (flags !== 0) throw new DecodeError(`unsupported element segment form ${flags}`, at);
  const offset = constOffset(r);
  const functionIndices: number[] = [];
  vec(r, () => functionIndices.push(r.u32()));
  return { offset, functionIndices };
}

function readData(r: ByteReader): DataSegment {
  const at = r.offset;
  const flags = r.u32();
  if (flags === 1) return { offset: null, bytes: r.slice(r.u32()) };
  if (flags === 2 && r.u32() !== 0) throw new DecodeError("data segment for a memory other than 0", at);
  if (flags > 2) throw new DecodeError(`unsupported data segment form ${flags}`, at);
  const offset = constOffset(r);
  return { offset, bytes: r.slice(r.u32()) };
}

function readCode(r: ByteReader, m: Builder): void {
  let index = 0;
  vec(r, () => {
    const size = r.u32();
    const end = r.offset + size;
    const locals: ValType[] = [];
    vec(r, () => {
      const count = r.u32();
      const type = readValType(r);
      for (let i = 0; i < count; i++) locals.push(type);
    });
    const typeIndex = m.functionTypes[index++];
    if (typeIndex === undefined) throw new DecodeError("more bodies than declared functions", r.offset);
    m.functions.push({ typeIndex, locals, codeStart: r.offset, codeEnd: end });
    r.offset = end;
  });
}

function readCustom(r: ByteReader, m: Builder): void {
  if (r.name() !== "name") return;
  while (!r.atEnd()) {
    const subsection = r.u8();
    const size = r.u32();
    const end = r.offset + size;
    if (subsection === 1) {
      vec(r, () => {
        const index = r.u32();
        m.functionNames.set(index, r.name());
      });
    }
    r.offset = end;
  }
}
