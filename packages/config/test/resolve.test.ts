// Resolution by npm package name from the configuration's own directory: a component installed
// into a temporary node_modules (as a third party's would be), a workspace link, an exports map
// that hides package.json.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkConfig, formatDiagnostic, loadConfig, resolvePackage } from "../src/index.js";
import { writePackage } from "./fixture-modules.js";

let dir: string;
beforeEach(() => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), "sawmill-resolve-")));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const widget = {
  name: "@acme/widget",
  version: "2.3.4",
  exports: { ".": "./index.js" },
  sawmill: {
    kind: "driver",
    entry: "assembly/widget.ts",
    provides: { interfaces: ["widget"] },
    resources: { irqs: [5], ports: [{ base: 0x300, count: 4 }], memory: "32KiB", stack: "4KiB" },
  },
};

function writeConfig(path: string, packages: string[]): string {
  const lines = [
    "name: widgets",
    "target: { memory: 8MiB }",
    "components:",
    ...packages.map((p) => `  - package: "${p}"`),
  ];
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}

describe("component resolution", () => {
  it("finds a package installed in node_modules beside the configuration", () => {
    const packageDir = writePackage(dir, "@acme/widget", JSON.stringify(widget));
    const { components } = loadConfig(writeConfig(join(dir, "image.yaml"), ["@acme/widget"]));
    expect(components).toHaveLength(1);
    const [c] = components;
    expect(c.name).toBe("widget");
    expect(c.package).toEqual({
      name: "@acme/widget",
      version: "2.3.4",
      dir: packageDir,
      packageJson: join(packageDir, "package.json"),
      manifest: widget.sawmill,
    });
    expect(c.entry).toBe(join(packageDir, "assembly/widget.ts"));
    expect([c.irqs, c.ports, c.memoryPages, c.stackPages]).toEqual([[5], [{ base: 0x300, count: 4 }], 8, 1]);
  });

  it("looks in the node_modules of every directory above the configuration", () => {
    writePackage(dir, "@acme/widget", JSON.stringify(widget));
    const config = writeConfig(join(dir, "configs", "boards", "image.yaml"), ["@acme/widget"]);
    expect(loadConfig(config).components[0].package.version).toBe("2.3.4");
  });

  it("follows a workspace link to the package's real directory", () => {
    const real = join(dir, "packages", "widget");
    mkdirSync(real, { recursive: true });
    writeFileSync(join(real, "package.json"), JSON.stringify(widget));
    mkdirSync(join(dir, "node_modules", "@acme"), { recursive: true });
    symlinkSync(real, join(dir, "node_modules", "@acme", "widget"), "dir");
    const result = resolvePackage("@acme/widget", join(dir, "image.yaml"));
    expect(result).toMatchObject({ dir: real, packageJson: join(real, "package.json") });
  });

  it("reports a package it cannot find at the package's position", () => {
    const config = writeConfig(join(dir, "image.yaml"), ["@acme/widget"]);
    expect(checkConfig(config).diagnostics.map(formatDiagnostic)).toEqual([
      `${config}:4:14: cannot find the package "@acme/widget"\n  hint: install it (npm install @acme/widget) or check the name; it is looked up from the configuration's directory`,
    ]);
  });

  it("reports an invalid manifest at the package's position, pointing into its package.json", () => {
    const broken = { ...widget, sawmill: { ...widget.sawmill, resources: { irqs: [5], memroy: "1MiB" } } };
    const packageDir = writePackage(dir, "@acme/widget", JSON.stringify(broken, null, 2));
    const config = writeConfig(join(dir, "image.yaml"), ["@acme/widget"]);
    expect(checkConfig(config).diagnostics.map(formatDiagnostic)).toEqual([
      `${config}:4:14: "@acme/widget" has an invalid sawmill manifest: unknown key "memroy"\n  hint: fix ${packageDir}/package.json:19:7: did you mean "memory"?`,
    ]);
  });

  it("reports a package.json that is not JSON", () => {
    const packageDir = writePackage(dir, "@acme/widget", "{ name: [");
    const result = resolvePackage("@acme/widget", join(dir, "image.yaml"));
    expect(result).toMatchObject({ message: `the package.json of "@acme/widget" is not valid JSON` });
    expect(JSON.stringify(result)).toContain(packageDir);
  });
});
