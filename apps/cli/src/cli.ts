/**
 * The `sawmill` command line: subcommands, options, help, and the exit code of one invocation.
 *
 * Layer: CLI (host). Interface: `runCli(argv, io) → Promise<exit code>` (argv without node and
 * the script). Parsing is commander's; every subcommand has `--help`, the program `--version`.
 * Each command's module is imported when it runs, so `--help` and `check` do not load the
 * compiler toolchain and the emulator.
 * Invariant: runCli never throws and never calls process.exit: usage errors are 2, the user's
 * configuration or build errors 1, internal errors 70 (see exit-codes.ts); `run` passes on the
 * guest's code.
 */
import { readFileSync } from "node:fs";
import { Command, CommanderError, InvalidArgumentError } from "commander";
import type { BuildFlags } from "./build-step.js";
import type { GraphFlags } from "./commands/graph.js";
import type { InspectFlags } from "./commands/inspect.js";
import type { RunFlags } from "./commands/run.js";
import { ExitCode } from "./exit-codes.js";
import { reportFailure } from "./failure.js";
import type { Io } from "./io.js";

const HELP_FOOTER = `
Examples:
  sawmill check configs/hello.yaml      validate; every problem as file:line:col: message
  sawmill run configs/hello.yaml        build and boot in v86 (Ctrl-C or Ctrl-A x quits)
  sawmill inspect configs/hello.yaml    sizes per task, system calls, resources

Exit codes: 0 ok, 1 configuration or build errors, 2 usage errors, 70 internal errors;
\`run\` exits with the guest's exit code (3 if it stopped without one, 0 if you quit).`;

const RUN_HELP = `
Ctrl-C or Ctrl-A x quits; Ctrl-A Ctrl-A sends Ctrl-A. Exit code: the guest's (the value it
writes to the debug exit port 0x520, modulo 256); 3 if it halted or reached --max-instructions
without one; 0 if you quit with the keys, 130/143 on SIGINT/SIGTERM; 1 if the build failed.`;

/** Loaded on use: only the command that runs pays for the toolchain and the emulator. */
const commands = {
  build: () => import("./commands/build.js"),
  run: () => import("./commands/run.js"),
  graph: () => import("./commands/graph.js"),
  inspect: () => import("./commands/inspect.js"),
  check: () => import("./commands/check.js"),
};

export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  let code: number = ExitCode.ok;
  const program = createProgram(io, (c) => {
    code = c;
  });
  try {
    await program.parseAsync([...argv], { from: "user" });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return commanderExit(error);
    return reportFailure(error, io, argv.includes("--debug"));
  }
}

function createProgram(io: Io, setCode: (code: number) => void): Command {
  const program = new Command("sawmill")
    .description("Build SawMill multiserver x86 images from YAML configurations, and run them in v86.")
    .version(packageVersion(), "-V, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .option("--debug", "print stack traces of internal errors")
    .helpCommand(false)
    .addHelpText("after", HELP_FOOTER);
  addCommands(program, io, setCode);
  for (const command of [program, ...program.commands]) configure(command, io);
  return program;
}

function addCommands(program: Command, io: Io, setCode: (code: number) => void): void {
  const image = (name: string, description: string) =>
    program
      .command(name)
      .description(description)
      .argument("<config>", "image configuration (YAML)")
      .option("--out <dir>", "output directory (default: dist/<name>)")
      .option("-q, --quiet", "no build progress on stderr");
  image("build", "build the image: multiboot ELF, disk image, manifest.json and graph.svg").action(
    async (config: string, flags: BuildFlags) =>
      setCode(await (await commands.build()).buildCommand(config, flags, io)),
  );
  image("run", "build the image, then boot it in v86 with its serial console on this terminal")
    .option("--disk", "boot the raw disk image through SeaBIOS instead of the multiboot ELF")
    .option("--max-instructions <n>", "end the run after this many guest instructions", positiveInteger)
    .addHelpText("after", RUN_HELP)
    .action(async (config: string, flags: RunFlags) =>
      setCode(await (await commands.run()).runCommand(config, flags, io)),
    );
  image("graph", "build if needed, then write the component graph as SVG")
    .option("-o, --output <file>", "write the SVG to this file (default: standard output)")
    .action(async (config: string, flags: GraphFlags) =>
      setCode(await (await commands.graph()).graphCommand(config, flags, io)),
    );
  image("inspect", "build if needed, then show sizes per task, system calls and resources")
    .option("--json", "print the image's manifest.json instead of tables")
    .action(async (config: string, flags: InspectFlags) =>
      setCode(await (await commands.inspect()).inspectCommand(config, flags, io)),
    );
  program
    .command("check")
    .description("validate the configuration only (schema, packages, resources, requirements)")
    .argument("<config>", "image configuration (YAML)")
    .action(async (config: string) => setCode((await commands.check()).checkCommand(config, io)));
}

/** Output through `io`; errors worded like every other sawmill message; no process.exit. */
function configure(command: Command, io: Io): void {
  command
    .exitOverride()
    .showHelpAfterError(`  hint: see '${commandPath(command)} --help'`)
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(`sawmill: ${text.replace(/^error: /, "")}`),
    });
}

function commandPath(command: Command): string {
  return command.parent ? `${commandPath(command.parent)} ${command.name()}` : command.name();
}

function commanderExit(error: CommanderError): number {
  if (error.code === "commander.helpDisplayed" || error.code === "commander.version") return ExitCode.ok;
  return ExitCode.usage;
}

function positiveInteger(text: string): number {
  const value = Number(text.replaceAll("_", ""));
  if (!Number.isSafeInteger(value) || value <= 0)
    throw new InvalidArgumentError("expected a positive integer");
  return value;
}

function packageVersion(): string {
  const json = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  return json.version;
}
