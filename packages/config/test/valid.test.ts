// Valid configurations load into the typed configuration and fully resolved components.
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError, checkConfig, diagnosticAt, formatDiagnostic, loadConfig } from "../src/index.js";
import { installFixtureModules } from "./fixture-modules.js";

const modules = installFixtureModules();
afterAll(() => modules.remove());
const options = { searchPaths: [modules.dir] };

describe("valid configurations", () => {
  it("hello.yaml parses to the typed configuration", () => {
    const { config } = loadConfig("test/valid/hello.yaml", options);
    expect(config).toEqual({
      name: "hello",
      description: "A UART, a console server and an application that writes to it.",
      target: { machine: "pc", memory: "16MiB" },
      components: [
        { package: "@fixture/uart" },
        {
          package: "@fixture/uart",
          name: "com2",
          priority: 85,
          irqs: [3],
          ports: [{ base: 0x2f8, count: 8 }],
        },
        { package: "@fixture/console", memory: "128KiB", stack: "16KiB" },
        { package: "@fixture/libc" },
        { package: "@fixture/vfs" },
        { package: "@fixture/ext2" },
      ],
      applications: [{ package: "@acme/hello" }],
      colocate: { fs: ["vfs", "ext2"] },
    });
  });

  it("hello.yaml resolves every component with its defaults, settings and group", () => {
    const { components } = loadConfig("test/valid/hello.yaml", options);
    // name, role, kind, package, priority, memory pages, stack pages, IRQs, ports, group
    const summary = components.map((c) => [
      c.name,
      c.role,
      c.kind,
      c.package.name,
      c.priority,
      c.memoryPages,
      c.stackPages,
      JSON.stringify(c.irqs),
      c.ports.map((p) => `${p.base.toString(16)}+${p.count}`).join(" "),
      c.group ?? "-",
    ]);
    // biome-ignore format: one row per component reads as a table
    expect(summary).toEqual([
      ["uart", "component", "driver", "@fixture/uart", 90, 16, 2, "[4]", "3f8+8", "-"],
      ["com2", "component", "driver", "@fixture/uart", 85, 16, 2, "[3]", "2f8+8", "-"],
      ["console", "component", "server", "@fixture/console", 80, 32, 4, "[]", "", "-"],
      ["libc", "component", "library", "@fixture/libc", 0, 0, 0, "[]", "", "-"],
      ["vfs", "component", "server", "@fixture/vfs", 80, 64, 2, "[]", "", "fs"],
      ["ext2", "component", "server", "@fixture/ext2", 80, 64, 2, "[]", "", "fs"],
      ["hello", "application", "application", "@acme/hello", 50, 64, 2, "[]", "", "-"],
    ]);
    const libc = components.find((c) => c.name === "libc")!;
    expect(libc.provides).toEqual({ interfaces: [], syscalls: ["write", "exit"] });
    expect(libc.requires).toEqual({ interfaces: ["console"], syscalls: [] });
    expect(libc.entry).toBe(`${modules.dir}/node_modules/@fixture/libc/assembly/index.ts`);
    expect(libc.package.version).toBe("1.0.0");
  });

  it("each component knows where it was configured, so later stages can report there", () => {
    const { components } = loadConfig("test/valid/hello.yaml", options);
    const hello = components.find((c) => c.name === "hello")!;
    expect(hello.configuredAt).toEqual({ file: "test/valid/hello.yaml", line: 21, col: 14 });
    const d = diagnosticAt(
      hello.configuredAt,
      `"hello" calls "open", which no configured component provides`,
    );
    expect(formatDiagnostic(d)).toBe(
      `test/valid/hello.yaml:21:14: "hello" calls "open", which no configured component provides`,
    );
  });

  it("a minimal configuration needs only a name and the target's memory", () => {
    const result = checkConfig("test/valid/minimal.yaml");
    expect(result.diagnostics).toEqual([]);
    expect(result.config).toEqual({ name: "tiny", target: { memory: "4MiB" } });
    expect(result.components).toEqual([]);
  });
});

describe("loadConfig's errors", () => {
  it("throws a ConfigError listing every diagnostic, formatted without a stack", () => {
    let error: unknown;
    try {
      loadConfig("test/invalid/irq-conflict.yaml", options);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { diagnostics, message } = error as ConfigError;
    expect(diagnostics).toHaveLength(2);
    expect(message.split("\n")[0]).toBe(
      `test/invalid/irq-conflict.yaml:9:14: IRQ 4 is claimed by both "uart" and "serial-mouse"`,
    );
  });

  it("reports a missing file as a diagnostic", () => {
    expect(checkConfig("test/valid/nowhere.yaml").diagnostics).toEqual([
      {
        file: "test/valid/nowhere.yaml",
        line: 1,
        col: 1,
        message: "cannot read the configuration: no such file",
        hint: "check the path",
      },
    ]);
  });
});
