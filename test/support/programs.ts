/**
 * The AssemblyScript test programs and the calls each one gets.
 *
 * Layer: e2e test support. A program is `differential/programs/<name>.ts`. Its header comments
 * may carry directives:
 *   // @flags --disable nontrapping-f2i     extra asc flags
 *   // @call name(arg, ...)                 an explicit call; arguments are JavaScript expressions
 *                                           (numbers, bigints, NaN, -0, Infinity, ...)
 *   // @only-explicit name ...              these exports get no edge-value calls
 * The explicit calls run first, in file order; then every exported function not listed in
 * @only-explicit is called with edge-value argument lists (edge-values.ts).
 */

import { readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { compileSource } from "@sawmill/as-compiler";
import { type Call, readModuleInfo, type WasmValue } from "@sawmill/bare-runtime";
import { edgeArgumentLists } from "./edge-values.js";

export const PROGRAM_DIRECTORY = join(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  "differential",
  "programs",
);

export interface Program {
  readonly name: string;
  readonly wasm: Uint8Array;
  readonly calls: readonly Call[];
}

export function programNames(): string[] {
  return readdirSync(PROGRAM_DIRECTORY)
    .filter((file) => file.endsWith(".ts"))
    .map((file) => basename(file, ".ts"))
    .sort();
}

export async function loadProgram(name: string): Promise<Program> {
  const source = readFileSync(join(PROGRAM_DIRECTORY, `${name}.ts`), "utf8");
  const flags = directives(source, "flags").flatMap((line) => line.split(/\s+/).filter(Boolean));
  const wasm = await compileSource(source, { flags });
  return { name, wasm, calls: programCalls(source, wasm) };
}

function programCalls(source: string, wasm: Uint8Array): Call[] {
  const explicit = directives(source, "call").map(parseCall);
  const onlyExplicit = new Set(directives(source, "only-explicit").flatMap((line) => line.split(/\s+/)));
  const edge = readModuleInfo(wasm)
    .exports.filter((e) => !onlyExplicit.has(e.name))
    .flatMap((e) => edgeArgumentLists(e.params).map((args) => ({ export: e.name, args })));
  return [...explicit, ...edge];
}

function directives(source: string, name: string): string[] {
  const pattern = new RegExp(`^\\s*//\\s*@${name}\\s+(.*)$`, "gm");
  return [...source.matchAll(pattern)].map((match) => match[1]!.trim());
}

function parseCall(text: string): Call {
  const match = /^([\w$]+)\((.*)\)$/.exec(text);
  if (match === null) throw new Error(`bad @call directive: ${text}`);
  const args = new Function(`return [${match[2]}];`)() as WasmValue[];
  return { export: match[1]!, args };
}
