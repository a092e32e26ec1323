// Every file in test/invalid/ is a configuration with mistakes; its leading comment lines say the
// exact diagnostics expected, in order: `# error: line:col: message`, then `# hint: text`.
// `<modules>` in a hint stands for the fixture node_modules directory.
import { readdirSync, readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { checkConfig, formatDiagnostic } from "../src/index.js";
import { installFixtureModules } from "./fixture-modules.js";

const modules = installFixtureModules();
afterAll(() => modules.remove());

const DIR = "test/invalid";
const files = readdirSync(DIR).filter((f) => f.endsWith(".yaml"));

function expected(file: string): string[] {
  const lines = readFileSync(file, "utf8").split("\n");
  const out: string[] = [];
  for (const line of lines) {
    const error = /^# error: (.*)$/.exec(line);
    const hint = /^# hint: (.*)$/.exec(line);
    if (error) out.push(`${file}:${error[1]}`);
    else if (hint)
      out[out.length - 1] += `\n  hint: ${hint[1].replaceAll("<modules>", `${modules.dir}/node_modules`)}`;
  }
  return out;
}

describe("invalid configurations", () => {
  it("has at least 20 of them", () => expect(files.length).toBeGreaterThanOrEqual(20));

  it.each(files)("%s", (name) => {
    const file = `${DIR}/${name}`;
    const want = expected(file);
    expect(want.length).toBeGreaterThan(0);
    const result = checkConfig(file, { searchPaths: [modules.dir] });
    expect(result.diagnostics.map(formatDiagnostic)).toEqual(want);
  });
});
