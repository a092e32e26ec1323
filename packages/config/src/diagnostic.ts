/**
 * Diagnostics: one problem at one place in one file, said in the user's terms.
 *
 * Layer: configurator (host). Interface: `Diagnostic`, `SourceLocation`, `diagnosticAt`,
 * `formatDiagnostic`, `sortDiagnostics`, `ConfigError`.
 * Invariant: line and column are 1-based; a diagnostic never carries a stack trace.
 */

export interface Position {
  line: number;
  col: number;
}

export interface SourceLocation extends Position {
  file: string;
}

export interface Diagnostic extends SourceLocation {
  message: string;
  /** What to do about it. */
  hint?: string;
}

/** A diagnostic at a location, e.g. a resolved component's `configuredAt`, for later build stages. */
export function diagnosticAt(at: SourceLocation, message: string, hint?: string): Diagnostic {
  return { file: at.file, line: at.line, col: at.col, message, ...(hint ? { hint } : {}) };
}

/** `file:line:col: message`, then the hint indented on the next line. */
export function formatDiagnostic(d: Diagnostic): string {
  const head = `${d.file}:${d.line}:${d.col}: ${d.message}`;
  return d.hint ? `${head}\n  hint: ${d.hint}` : head;
}

/** By file, then position; the sort is stable, so checks keep their order at one position. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) =>
    a.file === b.file ? a.line - b.line || a.col - b.col : a.file < b.file ? -1 : 1,
  );
}

/** Thrown by `loadConfig` when a configuration has problems; `diagnostics` lists them all. */
export class ConfigError extends Error {
  readonly diagnostics: Diagnostic[];

  constructor(diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join("\n"));
    this.name = "ConfigError";
    this.diagnostics = diagnostics;
  }
}
