/**
 * @sawmill/cli — the `sawmill` command as a library: `runCli(argv, io)` returns the exit code.
 *
 * Layer: CLI (host). Interface: runCli, ExitCode, Io.
 */

export { runCli } from "./cli.js";
export { ExitCode } from "./exit-codes.js";
export type { Io } from "./io.js";
