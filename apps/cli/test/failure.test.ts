import { ConfigError } from "@sawmill/config";
import { describe, expect, it } from "vitest";
import { reportFailure, UserError } from "../src/failure.js";
import { memoryIo } from "./memory-io.js";

class BuildError extends Error {
  override readonly name = "BuildError";
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

describe("reportFailure", () => {
  it("prints a ConfigError's diagnostics, exit 1", () => {
    const io = memoryIo();
    const error = new ConfigError([{ file: "a.yaml", line: 3, col: 5, message: "bad", hint: "fix it" }]);
    expect(reportFailure(error, io, false)).toBe(1);
    expect(io.err()).toBe("a.yaml:3:5: bad\n  hint: fix it\n");
  });

  it("prints the builder's BuildError and our UserError as one error line and a hint, exit 1", () => {
    const io = memoryIo();
    expect(reportFailure(new BuildError('"hello" calls "open"', "add @sawmill/vfs"), io, false)).toBe(1);
    expect(reportFailure(new BuildError("no hint"), io, false)).toBe(1);
    expect(reportFailure(new UserError("cannot write x.svg", "check the -o path"), io, false)).toBe(1);
    expect(io.err()).toBe(
      'sawmill: error: "hello" calls "open"\n  hint: add @sawmill/vfs\n' +
        "sawmill: error: no hint\n" +
        "sawmill: error: cannot write x.svg\n  hint: check the -o path\n",
    );
  });

  it("reports anything else as an internal error: one line and the --debug hint, exit 70", () => {
    const io = memoryIo();
    expect(reportFailure(new TypeError("x is undefined\nmore"), io, false)).toBe(70);
    expect(io.err()).toBe(
      "sawmill: internal error: x is undefined\n" +
        "  hint: rerun with --debug for the stack trace, and report it with the configuration\n",
    );
  });

  it("prints the stack of an internal error with --debug", () => {
    const io = memoryIo();
    expect(reportFailure(new RangeError("boom"), io, true)).toBe(70);
    expect(io.err()).toMatch(/^sawmill: internal error: boom\nRangeError: boom\n {4}at /);
  });
});
