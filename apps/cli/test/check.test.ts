import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FixtureWorkspace, fixtureWorkspace, sawmill } from "./sawmill-process.js";

let work: FixtureWorkspace;
beforeAll(() => {
  work = fixtureWorkspace();
});
afterAll(() => work.remove());

const check = (file: string) => sawmill(["check", file], { cwd: work.dir });

describe("sawmill check", () => {
  it("accepts a valid configuration: exit 0, a summary on stdout, nothing on stderr", async () => {
    const run = await check("valid.yaml");
    expect(run).toEqual({
      code: 0,
      stdout: 'valid.yaml: ok — image "valid": 2 components, 1 application\n',
      stderr: "",
    });
  });

  it("reports an unknown key with its position and a did-you-mean, exit 1", async () => {
    const run = await check("typo.yaml");
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      'typo.yaml:6:5: unknown key "prority"\n' +
        '  hint: did you mean "priority"?\n' +
        "sawmill: typo.yaml: 1 error\n",
    );
  });

  it("reports an IRQ claimed twice at the later claimer", async () => {
    const run = await check("irq-clash.yaml");
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'irq-clash.yaml:6:14: IRQ 4 is claimed by both "uart" and "mouse"\n' +
        "  hint: an IRQ line goes to one component: give one of them other irqs: or remove it\n" +
        "sawmill: irq-clash.yaml: 1 error\n",
    );
  });

  it("reports every system call nobody provides, in order", async () => {
    const run = await check("no-console.yaml");
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'no-console.yaml:7:14: "hello" calls "write", which no configured component provides\n' +
        '  hint: add the library that implements "write" to components:\n' +
        'no-console.yaml:7:14: "hello" calls "exit", which no configured component provides\n' +
        '  hint: add the library that implements "exit" to components:\n' +
        "sawmill: no-console.yaml: 2 errors\n",
    );
  });

  it("reports YAML syntax errors with their position, never a stack trace", async () => {
    const run = await check("syntax.yaml");
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "syntax.yaml:3:1: flow map in block collection must be sufficiently indented and end with a }\n" +
        "  hint: indent nested keys by the same number of spaces, and close every { and [\n" +
        "sawmill: syntax.yaml: 1 error\n",
    );
  });

  it("reports a missing file as a diagnostic", async () => {
    const run = await check("nowhere.yaml");
    expect(run).toEqual({
      code: 1,
      stdout: "",
      stderr:
        "nowhere.yaml:1:1: cannot read the configuration: no such file\n" +
        "  hint: check the path\n" +
        "sawmill: nowhere.yaml: 1 error\n",
    });
  });

  it("build stops at the same diagnostics before compiling anything, exit 1", async () => {
    const run = await sawmill(["build", "typo.yaml", "--out", "out"], { cwd: work.dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^sawmill: loading typo\.yaml\n/);
    expect(run.stderr).toMatch(
      /\ntypo\.yaml:6:5: unknown key "prority"\n {2}hint: did you mean "priority"\?\n$/,
    );
  });
});
