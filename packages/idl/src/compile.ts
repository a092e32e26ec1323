/**
 * Both steps of the IDL compiler for a whole file: parse, then generate every service interface.
 *
 * Layer: host toolchain. Interface: `compileIdl(text, fileName, options)` → interface name →
 * AssemblyScript module text for the placement in `options`.
 */

import { type GenerateOptions, generateModule } from "./generate.js";
import { parseIdl } from "./parse.js";

/** Every service interface in `text`, generated for one placement: interface name → module text. */
export function compileIdl(text: string, fileName: string, options: GenerateOptions): Map<string, string> {
  const modules = new Map<string, string>();
  for (const iface of parseIdl(text, fileName)) {
    modules.set(iface.name, generateModule(iface, { source: fileName, ...options }));
  }
  return modules;
}
