/**
 * Where an interface named in an `extends` clause comes from, when it is not declared in the
 * same file: the file's `import type { Name } from "specifier"` (or `import { type Name }`).
 *
 * Layer: IDL compiler front end, helper of parse.ts. Interface: `importOf(file, localName)` →
 * the import binding (specifier, the name exported there, the specifier's node for error
 * positions) or null; `resolveImport(fromFile, specifier)` → the imported file's path or null.
 * Resolution is Node's (`require.resolve` from the importing file), so relative specifiers and
 * package subpaths (a package's `exports`, e.g. `@sawmill/kernel/idl/pager.idl.ts`) both work,
 * exactly as for TypeScript. Nothing here reads or evaluates the imported file.
 */

import { createRequire } from "node:module";
import ts from "typescript";

export interface ImportBinding {
  readonly specifier: string;
  /** The name the imported file exports (differs from the local one for `import { A as B }`). */
  readonly name: string;
  readonly node: ts.StringLiteral;
}

export function importOf(file: ts.SourceFile, localName: string): ImportBinding | null {
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (bindings === undefined || !ts.isNamedImports(bindings)) continue;
    const element = bindings.elements.find((e) => e.name.text === localName);
    if (element === undefined) continue;
    const name = (element.propertyName ?? element.name).text;
    return { specifier: statement.moduleSpecifier.text, name, node: statement.moduleSpecifier };
  }
  return null;
}

/** The path `specifier` names from `fromFile` (an absolute path), or null if nothing is there. */
export function resolveImport(fromFile: string, specifier: string): string | null {
  try {
    return createRequire(fromFile).resolve(specifier);
  } catch {
    return null;
  }
}
