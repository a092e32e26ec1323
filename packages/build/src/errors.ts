/**
 * The one error type of the image builder: a message in the user's terms plus a hint.
 *
 * Layer: configurator (host). Interface: `BuildError` (`message`, `hint`), `formatBuildError`.
 * Invariant: every mistake a user can make in a configuration or a component reaches the CLI
 * as a BuildError (or @sawmill/config's ConfigError), never as a bare stack trace.
 */

export class BuildError extends Error {
  override readonly name = "BuildError";
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** `message` and the hint on an indented second line, as @sawmill/config formats diagnostics. */
export function formatBuildError(error: BuildError): string {
  return error.hint === undefined ? error.message : `${error.message}\n  hint: ${error.hint}`;
}
