/**
 * The `sawmill` command's exit codes.
 *
 * Layer: CLI (host). Interface: `ExitCode`.
 * Invariant: every path out of the program ends with one of these, except `sawmill run`, which
 * passes on the guest's own code (see the README: the guest's exit-port value, modulo 256).
 */

export const ExitCode = {
  /** Done: the configuration is valid, the image was built, the guest exited with 0, or the user
   * quit `run` with Ctrl-C / Ctrl-A x (the normal end of an interactive session, as in QEMU). */
  ok: 0,
  /** The configuration or the build has errors (diagnostics printed on stderr). */
  failed: 1,
  /** The command line is wrong (unknown command or option, missing argument). */
  usage: 2,
  /** `run`: the guest stopped without writing the exit port (halted, instruction limit). */
  noGuestExit: 3,
  /** A bug in sawmill or a package it runs: "sawmill: internal error: …" (sysexits EX_SOFTWARE). */
  internal: 70,
  /** `run`: ended by SIGINT, as a shell reports a SIGINT death (128 + 2). */
  interrupted: 130,
  /** `run`: ended by SIGTERM (128 + 15). */
  terminated: 143,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];
