import { describe, expect, it } from "vitest";
import { runCli } from "../src/cli.js";
import { memoryIo } from "./memory-io.js";
import { sawmill } from "./sawmill-process.js";

const SUBCOMMANDS = ["build", "run", "check", "graph", "inspect"];

describe("the sawmill process", () => {
  it("--help lists every command and the exit codes, exit 0", async () => {
    const run = await sawmill(["--help"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/^Usage: sawmill \[options\] \[command\]\n/);
    for (const command of SUBCOMMANDS) expect(run.stdout).toMatch(new RegExp(`\\n {2}${command} `));
    expect(run.stdout).toContain("Exit codes: 0 ok, 1 configuration or build errors, 2 usage errors");
  });

  it("--version prints the package version", async () => {
    expect(await sawmill(["--version"])).toEqual({ code: 0, stdout: "0.1.0\n", stderr: "" });
  });

  it("an unknown command is a usage error: exit 2, one line and a hint", async () => {
    expect(await sawmill(["biuld", "x.yaml"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "sawmill: unknown command 'biuld'\n(Did you mean build?)\n  hint: see 'sawmill --help'\n",
    });
  });
});

describe("runCli", () => {
  it.each(SUBCOMMANDS)("%s --help shows its usage on stdout, exit 0", async (command) => {
    const io = memoryIo();
    expect(await runCli([command, "--help"], io)).toBe(0);
    expect(io.out()).toMatch(new RegExp(`^Usage: sawmill ${command} \\[options\\] <config>\\n`));
    expect(io.out()).toContain("-h, --help");
    expect(io.err()).toBe("");
  });

  it("run --help explains the quit keys and the exit code", async () => {
    const io = memoryIo();
    await runCli(["run", "--help"], io);
    expect(io.out()).toContain("Ctrl-C or Ctrl-A x quits");
    expect(io.out()).toContain("--max-instructions <n>");
    expect(io.out()).toContain("--disk");
  });

  it.each([
    [["check"], "sawmill: missing required argument 'config'\n  hint: see 'sawmill check --help'\n"],
    [
      ["check", "a.yaml", "b.yaml"],
      "sawmill: too many arguments for 'check'. Expected 1 argument but got 2.\n  hint: see 'sawmill check --help'\n",
    ],
    [["build", "a.yaml", "--frob"], "sawmill: unknown option '--frob'\n  hint: see 'sawmill build --help'\n"],
    [
      ["run", "a.yaml", "--max-instructions", "many"],
      "sawmill: option '--max-instructions <n>' argument 'many' is invalid. expected a positive integer\n" +
        "  hint: see 'sawmill run --help'\n",
    ],
  ])("%j is a usage error (exit 2)", async (argv, message) => {
    const io = memoryIo();
    expect(await runCli(argv, io)).toBe(2);
    expect(io.err()).toBe(message);
    expect(io.out()).toBe("");
  });

  it("no command at all prints the help on stderr, exit 2", async () => {
    const io = memoryIo();
    expect(await runCli([], io)).toBe(2);
    expect(io.err()).toMatch(/^Usage: sawmill /);
  });
});
