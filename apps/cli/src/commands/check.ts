/**
 * `sawmill check <config.yaml>`: validate a configuration without building anything.
 *
 * Layer: CLI (host). Interface: `checkCommand(file, io) → exit code`.
 * Uses @sawmill/config's checkConfig (schema, package resolution and every semantic check); the
 * problems go to stderr as `file:line:col: message` + hint, a one-line summary to stdout.
 */
import { checkConfig } from "@sawmill/config";
import { ExitCode } from "../exit-codes.js";
import { printDiagnostics } from "../failure.js";
import type { Io } from "../io.js";

export function checkCommand(file: string, io: Io): number {
  const result = checkConfig(file);
  if (result.diagnostics.length > 0) {
    printDiagnostics(result.diagnostics, io);
    const count = result.diagnostics.length;
    io.stderr.write(`sawmill: ${file}: ${count} ${count === 1 ? "error" : "errors"}\n`);
    return ExitCode.failed;
  }
  const apps = result.components.filter((c) => c.kind === "application").length;
  const name = result.config?.name ?? "?";
  io.stdout.write(
    `${file}: ok — image "${name}": ${plural(result.components.length - apps, "component")}, ` +
      `${plural(apps, "application")}\n`,
  );
  return ExitCode.ok;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
