/**
 * Both steps of the IDL compiler for a whole file: parse, then generate every service interface.
 *
 * Layer: host toolchain. Interface: `compileIdl(text, fileName, options)` → interface name →
 * AssemblyScript module text for the placement in `options`. `fileName` names the file in
 * errors; when it is the file's absolute path, bases imported from other files (`extends`)
 * resolve from it, otherwise only bases declared in the same text do. The generated header names
 * the file by its base name, so the output does not depend on where the checkout is.
 */

import { basename } from "node:path";
import { type GenerateOptions, generateModule } from "./generate.js";
import { parseIdl } from "./parse.js";

/** Every service interface in `text`, generated for one placement: interface name → module text. */
export function compileIdl(text: string, fileName: string, options: GenerateOptions): Map<string, string> {
  const modules = new Map<string, string>();
  for (const iface of parseIdl(text, fileName)) {
    modules.set(iface.name, generateModule(iface, { source: basename(fileName), ...options }));
  }
  return modules;
}
