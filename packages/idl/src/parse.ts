/**
 * Reads `*.idl.ts` files with the TypeScript compiler API (syntax only, nothing is evaluated).
 *
 * Layer: IDL compiler front end. Interface: `parseIdl(text, fileName)` → the file's service
 * interfaces (TypeScript interfaces with method signatures); interfaces with only properties are
 * structs usable as parameter types. Errors are IdlError with `file:line:col: message`.
 * Invariants (checked here, relied on by the generators): parameter types are scalars, `Cap`,
 * `BufferRange` or structs of those scalars; a method returns void, a word-sized scalar, a `Cap`
 * or a `Mapping`; at most one `Cap` parameter per method; labels (`@label`, else declaration
 * order) are unique and fit the tag's 16 bits; every `@error` tag names an error once per method; no method
 * or parameter name collides with a name the generated code uses, even after flattening.
 */

import ts from "typescript";
import type { ErrorDecl, Field, IdlType, Interface, Method, ReturnType, ScalarType } from "./model.js";
import { ERROR_BASE } from "./wire.js";

export class IdlError extends Error {
  override readonly name = "IdlError";
}

/** Names the generated classes use themselves (client and server members). */
const RESERVED_METHODS: ReadonlySet<string> = new Set([
  "bind",
  "constructor",
  "result",
  "badge",
  "slot",
  "dest",
  "server",
]);
/** Names the generated method bodies use as locals or for the runtime module. */
const RESERVED_PARAMS: ReadonlySet<string> = new Set([
  "idl",
  "mr",
  "server",
  "status",
  "this",
  "receiveSlot",
  "receiveWindow",
  "utcb",
  "before",
]);
/** The highest label a method may fix: the tag's label field is 16 bits; 0 is bind. */
const MAX_LABEL = 0xffff;
const SCALARS: ReadonlySet<string> = new Set(["u8", "u16", "u32", "i32", "bool", "u64"]);
const BUFFER_RANGE: IdlType = {
  kind: "struct",
  name: "BufferRange",
  fields: [
    { name: "offset", type: { kind: "scalar", name: "u32" } },
    { name: "length", type: { kind: "scalar", name: "u32" } },
  ],
};

export function parseIdl(text: string, fileName = "interface.idl.ts"): Interface[] {
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const declarations = file.statements.filter(ts.isInterfaceDeclaration);
  const structs = new Map<string, ts.InterfaceDeclaration>();
  for (const d of declarations) if (!d.members.some(ts.isMethodSignature)) structs.set(d.name.text, d);
  const reader = new Reader(file, structs);
  return declarations.filter((d) => d.members.some(ts.isMethodSignature)).map((d) => reader.service(d));
}

class Reader {
  constructor(
    private readonly file: ts.SourceFile,
    private readonly structs: ReadonlyMap<string, ts.InterfaceDeclaration>,
  ) {}

  service(node: ts.InterfaceDeclaration): Interface {
    const errors: ErrorDecl[] = [];
    const labels = new Map<number, string>();
    const methods = node.members.map((member, i) => {
      if (!ts.isMethodSignature(member)) throw this.error(member, "a service interface holds only methods");
      const method = this.method(member, this.label(member) ?? i + 1, errors);
      const other = labels.get(method.number);
      if (other !== undefined)
        throw this.error(member, `${method.name}: label ${hexLabel(method.number)} is ${other}'s already`);
      labels.set(method.number, method.name);
      return method;
    });
    return { name: node.name.text, doc: docText(node), methods, errors };
  }

  private method(node: ts.MethodSignature, number: number, errors: ErrorDecl[]): Method {
    const name = node.name.getText(this.file);
    if (RESERVED_METHODS.has(name))
      throw this.error(node.name, `method name ${name} is taken by the generated code`);
    const params = node.parameters.map((p) => {
      const param = p.name.getText(this.file);
      if (p.type === undefined) throw this.error(p, `parameter ${param} needs a type`);
      if (RESERVED_PARAMS.has(param))
        throw this.error(p, `parameter name ${param} is taken by the generated code`);
      return { name: param, type: this.type(p.type) };
    });
    this.checkFlatNames(node, params);
    if (params.filter((p) => p.type.kind === "cap").length > 1)
      throw this.error(node, `${name}: at most one Cap parameter per method`);
    return {
      name,
      number,
      params,
      returns: this.returns(node),
      doc: docText(node),
      errors: this.methodErrors(node, errors),
    };
  }

  /** Struct parameters become `param_field` parameters: they must not collide with each other. */
  private checkFlatNames(node: ts.MethodSignature, params: readonly Field[]): void {
    const seen = new Set<string>();
    for (const p of params) {
      const names =
        p.type.kind === "struct"
          ? p.type.fields.map((f) => `${p.name}_${f.name.replaceAll(".", "_")}`)
          : [p.name];
      for (const n of names) {
        if (seen.has(n)) throw this.error(node, `parameter ${n} appears twice once structs are flattened`);
        seen.add(n);
      }
    }
  }

  private returns(node: ts.MethodSignature): ReturnType {
    const type = node.type;
    if (type === undefined)
      throw this.error(node, "a method needs a return type (void, a scalar, Cap or Mapping)");
    if (type.kind === ts.SyntaxKind.VoidKeyword) return null;
    const name = type.getText(this.file);
    if (name === "Cap") return "cap";
    if (name === "Mapping") return "mapping";
    if (!SCALARS.has(name) || name === "u64")
      throw this.error(
        type,
        `return type ${name}: a method returns void, one word (u8 u16 u32 i32 bool), a Cap or a Mapping`,
      );
    return name as ScalarType;
  }

  /** The method's `@label N` (a protocol whose messages someone else labels, e.g. the kernel). */
  private label(node: ts.MethodSignature): number | null {
    const tags = ts.getJSDocTags(node).filter((t) => t.tagName.text === "label");
    if (tags.length === 0) return null;
    if (tags.length > 1) throw this.error(tags[1], "one @label per method");
    const text = (ts.getTextOfJSDocComment(tags[0].comment) ?? "").trim();
    const value = /^(0x[0-9a-fA-F]+|[0-9]+)$/.test(text) ? Number(text) : Number.NaN;
    if (!(value >= 1 && value <= MAX_LABEL))
      throw this.error(tags[0], `@label ${text}: write a number from 1 to 0xffff (0 is bind)`);
    return value;
  }

  /** `@error NAME description` tags; a name is one interface-wide code. */
  private methodErrors(node: ts.MethodSignature, errors: ErrorDecl[]): string[] {
    const names: string[] = [];
    for (const tag of ts.getJSDocTags(node)) {
      if (tag.tagName.text !== "error") continue;
      const text = (ts.getTextOfJSDocComment(tag.comment) ?? "").trim();
      const match = /^([A-Z][A-Z0-9_]*)\s*(.*)$/s.exec(text);
      if (match === null) throw this.error(tag, "write @error NAME description (NAME in UPPER_CASE)");
      const [, errorName, doc] = match;
      if (names.includes(errorName)) throw this.error(tag, `error ${errorName} documented twice`);
      names.push(errorName);
      if (!errors.some((e) => e.name === errorName))
        errors.push({ name: errorName, code: ERROR_BASE + errors.length, doc: doc.trim() });
    }
    return names;
  }

  private type(node: ts.TypeNode, seen: ReadonlySet<string> = new Set()): IdlType {
    const name = node.getText(this.file);
    if (SCALARS.has(name)) return { kind: "scalar", name: name as ScalarType };
    if (name === "Cap") return { kind: "cap" };
    if (name === "BufferRange") return BUFFER_RANGE;
    const struct = this.structs.get(name);
    if (struct === undefined)
      throw this.error(node, `unknown type ${name} (u8 u16 u32 i32 u64 bool Cap BufferRange or a struct)`);
    if (seen.has(name)) throw this.error(node, `struct ${name} contains itself`);
    return { kind: "struct", name, fields: this.fields(struct, new Set([...seen, name])) };
  }

  /** A struct's fields, nested structs flattened into scalars (`outer.inner`). */
  private fields(node: ts.InterfaceDeclaration, seen: ReadonlySet<string>): Field[] {
    return node.members.flatMap((member): Field[] => {
      if (!ts.isPropertySignature(member) || member.type === undefined)
        throw this.error(member, "a struct holds only typed properties");
      const name = member.name.getText(this.file);
      const type = this.type(member.type, seen);
      if (type.kind === "cap")
        throw this.error(member, `struct field ${name}: a Cap travels only as a parameter`);
      if (type.kind === "scalar") return [{ name, type }];
      return type.fields.map((f) => ({ ...f, name: `${name}.${f.name}` }));
    });
  }

  private error(node: ts.Node, message: string): IdlError {
    const { line, character } = this.file.getLineAndCharacterOfPosition(node.getStart(this.file));
    return new IdlError(`${this.file.fileName}:${line + 1}:${character + 1}: ${message}`);
  }
}

function hexLabel(label: number): string {
  return `0x${label.toString(16)}`;
}

function docText(node: ts.Node): string {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  return docs
    .map((d) => ts.getTextOfJSDocComment(d.comment) ?? "")
    .join("\n")
    .trim();
}
