/**
 * Interface identity: a 32-bit hash of the interface's canonical text.
 *
 * Layer: IDL compiler. Interface: `canonicalText(iface)`, `interfaceHash(iface)`, `fnv1a(text)`.
 * The canonical text holds everything that changes what a message means — the wire format's
 * version (WIRE_VERSION: stubs from a compiler that encodes differently never agree), the
 * interface name, each method's name in order (its label), its parameter types in order with
 * structs expanded,
 * its return type and its error names with their codes — and nothing that does not (parameter
 * and field names, comments, whitespace). The hash is FNV-1a over its UTF-8 bytes.
 */

import type { IdlType, Interface, Method } from "./model.js";
import { WIRE_VERSION } from "./wire.js";

export function canonicalText(iface: Interface): string {
  const errors = iface.errors.map((e) => `${e.name}=${e.code}`).join(",");
  return `idl${WIRE_VERSION} interface ${iface.name}{${iface.methods.map(canonicalMethod).join(";")}}errors{${errors}}`;
}

function canonicalMethod(method: Method): string {
  const params = method.params.map((p) => canonicalType(p.type)).join(",");
  return `${method.number}:${method.name}(${params}):${method.returns ?? "void"}`;
}

function canonicalType(type: IdlType): string {
  if (type.kind === "scalar") return type.name;
  if (type.kind === "cap") return "cap";
  return `{${type.fields.map((f) => canonicalType(f.type)).join(",")}}`;
}

export function interfaceHash(iface: Interface): number {
  return fnv1a(canonicalText(iface));
}

/** 32-bit FNV-1a of the text's UTF-8 bytes. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
