/**
 * How a command fails: diagnostics for the user's mistakes, one line for sawmill's own.
 *
 * Layer: CLI (host). Interface: `UserError`, `reportFailure(error, io, debug) → exit code`.
 * Invariant: the user never sees a stack trace unless they asked for one with `--debug`. An
 * error carrying `diagnostics` (ConfigError) is the user's: each is printed as
 * `file:line:col: message` + hint, exit 1; so is the builder's BuildError and our UserError
 * ("sawmill: error: message" + hint). Anything else is internal: exit 70.
 */
import { type Diagnostic, formatDiagnostic } from "@sawmill/config";
import { ExitCode } from "./exit-codes.js";
import type { Io } from "./io.js";

/** A mistake in the user's input that has no source position (a missing file, a bad option value). */
export class UserError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = "UserError";
  }
}

export function printDiagnostics(diagnostics: readonly Diagnostic[], io: Io): void {
  for (const d of diagnostics) io.stderr.write(`${formatDiagnostic(d)}\n`);
}

export function reportFailure(error: unknown, io: Io, debug: boolean): number {
  const diagnostics = diagnosticsOf(error);
  if (diagnostics) {
    printDiagnostics(diagnostics, io);
    return ExitCode.failed;
  }
  if (error instanceof UserError || isUserFacing(error)) {
    const { message, hint } = error as { message: string; hint?: string };
    io.stderr.write(`sawmill: error: ${message}\n${hint ? `  hint: ${hint}\n` : ""}`);
    return ExitCode.failed;
  }
  io.stderr.write(`sawmill: internal error: ${firstLine(error)}\n`);
  io.stderr.write(
    debug && error instanceof Error && error.stack
      ? `${error.stack}\n`
      : "  hint: rerun with --debug for the stack trace, and report it with the configuration\n",
  );
  return ExitCode.internal;
}

/** Errors that carry a non-empty list of positioned diagnostics. */
function diagnosticsOf(error: unknown): readonly Diagnostic[] | undefined {
  const list = (error as { diagnostics?: unknown } | null)?.diagnostics;
  return Array.isArray(list) && list.length > 0 ? (list as Diagnostic[]) : undefined;
}

/**
 * @sawmill/build's BuildError is the user's mistake by contract. Recognised by name, so that
 * `check` and `--help` need not load the builder to report failures.
 */
function isUserFacing(error: unknown): boolean {
  return error instanceof Error && error.name === "BuildError";
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n", 1)[0] || (error instanceof Error ? error.name : "unknown error");
}
