/**
 * Reads `*.idl.ts` files with the TypeScript compiler API (syntax only, nothing is evaluated).
 *
 * Layer: IDL compiler front end. Interface: `parseIdl(text, fileName)` → the file's service
 * interfaces (TypeScript interfaces with method signatures or an `extends` clause); interfaces
 * with only properties are structs usable as parameter types. A service's bases (`extends A, B`,
 * declared in the file or imported with `import type`, resolved from `fileName` when it is
 * absolute: imports.ts) are flattened in: their methods first with their labels, then its own.
 * Errors are IdlError with `file:line:col: message`.
 * Invariants (checked here, relied on by the generators): parameter types are scalars, `Cap`,
 * `BufferRange` or structs of those scalars; a method returns void, a word-sized scalar, a `Cap`
 * or a `Mapping`; at most one `Cap` parameter per method; labels (`@label`, else the position in
 * the flattened interface) are unique and fit the tag's 16 bits; every `@error` tag names an
 * error once per method; no method or parameter name collides with a name the generated code
 * uses, even after flattening; no interface extends itself, directly or through others.
 */

import { readFileSync } from "node:fs";
import { isAbsolute } from "node:path";
import ts from "typescript";
import { type ImportBinding, importOf, resolveImport } from "./imports.js";
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
  return new IdlFiles(fileName, text).entry.services();
}

/**
 * The files one parse reads: the given text, and the files its bases are imported from (each
 * read once, so a base reached twice is the same Interface object), plus the chain of
 * interfaces being flattened right now, which is how a cycle of `extends` is found.
 */
class IdlFiles {
  readonly entry: Reader;
  private readonly readers = new Map<string, Reader>();
  /** `file#Interface` of every interface whose bases are being read, outermost first. */
  readonly chain: string[] = [];

  constructor(
    private readonly entryName: string,
    text: string,
  ) {
    this.entry = this.add(entryName, text);
  }

  /** The imported file at `path`, read on first use. */
  reader(path: string): Reader {
    return this.readers.get(path) ?? this.add(path, readFileSync(path, "utf8"));
  }

  /** The path of `specifier` imported from `fromFile`, or an error text saying why there is none. */
  resolve(fromFile: string, specifier: string): { path: string } | { problem: string } {
    if (!isAbsolute(this.entryName))
      return { problem: `cannot resolve import "${specifier}": give parseIdl the file's absolute path` };
    const path = resolveImport(fromFile, specifier);
    return path === null ? { problem: `cannot resolve import "${specifier}" from ${fromFile}` } : { path };
  }

  private add(path: string, text: string): Reader {
    const file = ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
    const reader = new Reader(this, file);
    this.readers.set(path, reader);
    return reader;
  }
}

/** One file's interfaces: services (methods or an `extends` clause) and structs (the rest). */
class Reader {
  private readonly declarations: ReadonlyMap<string, ts.InterfaceDeclaration>;
  private readonly structs = new Map<string, ts.InterfaceDeclaration>();
  private readonly flattened = new Map<string, Interface>();

  constructor(
    private readonly files: IdlFiles,
    private readonly file: ts.SourceFile,
  ) {
    const declarations = new Map<string, ts.InterfaceDeclaration>();
    for (const d of file.statements.filter(ts.isInterfaceDeclaration)) {
      if (declarations.has(d.name.text))
        throw this.error(d.name, `interface ${d.name.text} is declared twice`);
      declarations.set(d.name.text, d);
      if (!isService(d)) this.structs.set(d.name.text, d);
    }
    this.declarations = declarations;
  }

  /** Every service interface of the file, in declaration order, bases flattened in. */
  services(): Interface[] {
    return [...this.declarations.values()].filter(isService).map((d) => this.service(d));
  }

  /** The service `node` declares: its bases' methods and errors first, then its own. */
  private service(node: ts.InterfaceDeclaration): Interface {
    const name = node.name.text;
    const done = this.flattened.get(name);
    if (done !== undefined) return done;
    this.files.chain.push(chainKey(this.file.fileName, name));
    const flat = new Flattening();
    for (const type of baseTypes(node)) {
      const clash = flat.inherit(this.base(type));
      if (clash !== null) throw this.error(type, clash);
    }
    const inheritedCount = flat.methods.length;
    for (const [i, member] of node.members.entries()) {
      if (!ts.isMethodSignature(member)) throw this.error(member, "a service interface holds only methods");
      const number = this.label(member) ?? inheritedCount + i + 1;
      const clash = flat.add(this.method(member, number, flat.errors));
      if (clash !== null) throw this.error(member, clash);
    }
    this.files.chain.pop();
    const iface = { name, doc: docText(node), methods: flat.methods, errors: flat.errors };
    this.flattened.set(name, iface);
    return iface;
  }

  /** The interface an `extends` clause names, flattened (from its own file's reader). */
  private base(node: ts.ExpressionWithTypeArguments): Interface {
    const [reader, declaration] = this.baseDeclaration(node);
    const key = chainKey(reader.file.fileName, declaration.name.text);
    const start = this.files.chain.indexOf(key);
    if (start >= 0) {
      const cycle = [...this.files.chain.slice(start), key].map((k) => k.slice(k.lastIndexOf("#") + 1));
      throw this.error(node, `interfaces extend each other: ${cycle.join(" extends ")}`);
    }
    return reader.service(declaration);
  }

  /** Where a base is declared: in this file, or in the file its name is imported from. */
  private baseDeclaration(node: ts.ExpressionWithTypeArguments): [Reader, ts.InterfaceDeclaration] {
    if (!ts.isIdentifier(node.expression) || node.typeArguments !== undefined)
      throw this.error(node, "extends names a service interface (Name, declared here or imported)");
    const local = node.expression.text;
    const binding = this.declarations.has(local) ? null : importOf(this.file, local);
    if (!this.declarations.has(local) && binding === null)
      throw this.error(node, `unknown interface ${local}: declare it here or import it`);
    const reader = binding === null ? this : this.importedReader(binding);
    const name = binding?.name ?? local;
    const declaration = reader.declarations.get(name);
    if (declaration === undefined)
      throw this.error(node, `${binding?.specifier} declares no interface ${name}`);
    if (!isService(declaration))
      throw this.error(node, `${name} is a struct: a service extends only services`);
    return [reader, declaration];
  }

  /** The reader of an imported file: resolved from this file, as Node and TypeScript do. */
  private importedReader(binding: ImportBinding): Reader {
    const resolved = this.files.resolve(this.file.fileName, binding.specifier);
    if ("problem" in resolved) throw this.error(binding.node, resolved.problem);
    return this.files.reader(resolved.path);
  }

  private method(node: ts.MethodSignature, number: number, errors: ErrorDecl[]): Method {
    this.checkDocAttached(node);
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

  /**
   * TypeScript attaches a doc comment to the next member only when it starts a line of its own;
   * one right after `{` on the same line would be dropped, with its @label and @error tags.
   */
  private checkDocAttached(node: ts.MethodSignature): void {
    const before = this.file.text.slice(node.getFullStart(), node.getStart(this.file));
    if (before.includes("/**") && ts.getJSDocCommentsAndTags(node).length === 0)
      throw this.error(node, "put the method's doc comment on a line of its own, or its tags are lost");
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

/** An interface in the chain of bases being read: its file and name. */
function chainKey(fileName: string, name: string): string {
  return `${fileName}#${name}`;
}

/** A service has methods or bases; an interface of properties only is a struct. */
function isService(node: ts.InterfaceDeclaration): boolean {
  return node.members.some(ts.isMethodSignature) || node.heritageClauses !== undefined;
}

/** The interfaces an `extends` clause names, in order. */
function baseTypes(node: ts.InterfaceDeclaration): readonly ts.ExpressionWithTypeArguments[] {
  return (node.heritageClauses ?? []).flatMap((clause) => clause.types);
}

/**
 * A service's methods and errors as they accumulate: each base's methods (the same objects, so
 * their labels are kept), then its own; errors keep their codes in order of first mention, so
 * the first base's codes are its own. A base reached twice (A extends B, C; both extend P)
 * brings its methods once.
 */
class Flattening {
  readonly methods: Method[] = [];
  readonly errors: ErrorDecl[] = [];

  /** Adds a base's methods and errors; returns why not if a label is taken. */
  inherit(base: Interface): string | null {
    for (const e of base.errors)
      if (!this.errors.some((known) => known.name === e.name))
        this.errors.push({ ...e, code: ERROR_BASE + this.errors.length });
    for (const method of base.methods) {
      if (this.methods.includes(method)) continue;
      const clash = this.add(method);
      if (clash !== null) return `${base.name}.${clash}`;
    }
    return null;
  }

  /** Adds a method; returns why not if its label is taken. */
  add(method: Method): string | null {
    const other = this.methods.find((m) => m.number === method.number);
    if (other !== undefined)
      return `${method.name}: label ${hexLabel(method.number)} is ${other.name}'s already`;
    this.methods.push(method);
    return null;
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
