// Valid configurations load into the typed configuration and fully resolved components.
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError, checkConfig, loadConfig } from "../src/index.js";
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
        { package: "@sawmill/uart" },
        {
          package: "@sawmill/uart",
          name: "com2",
          priority: 85,
          irqs: [3],
          ports: [{ base: 0x2f8, count: 8 }],
        },
        { package: "@sawmill/console", memory: "128KiB", stack: "16KiB" },
        { package: "@sawmill/libc" },
        { package: "@sawmill/vfs" },
        { package: "@sawmill/ext2" },
      ],
      applications: [{ package: "@acme/hello" }],
      colocate: { fs: ["vfs", "ext2"] },
    });
  });

  it("hello.yaml resolves every component with its defaults, settings and group", () => {
    const { components } = loadConfig("test/valid/hello.yaml", options);
    const summary = components.map((c) => ({
      name: c.name,
      role: c.role,
      kind: c.kind,
      package: c.package.name,
      priority: c.priority,
      memoryPages: c.memoryPages,
      stackPages: c.stackPages,
      irqs: c.irqs,
      ports: c.ports,
      group: c.group,
    }));
    const uartPorts = [{ base: 0x3f8, count: 8 }];
    expect(summary).toEqual([
      {
        name: "uart",
        role: "component",
        kind: "driver",
        package: "@sawmill/uart",
        priority: 90,
        memoryPages: 16,
        stackPages: 2,
        irqs: [4],
        ports: uartPorts,
        group: undefined,
      },
      {
        name: "com2",
        role: "component",
        kind: "driver",
        package: "@sawmill/uart",
        priority: 85,
        memoryPages: 16,
        stackPages: 2,
        irqs: [3],
        ports: [{ base: 0x2f8, count: 8 }],
        group: undefined,
      },
      {
        name: "console",
        role: "component",
        kind: "server",
        package: "@sawmill/console",
        priority: 80,
        memoryPages: 32,
        stackPages: 4,
        irqs: [],
        ports: [],
        group: undefined,
      },
      {
        name: "libc",
        role: "component",
        kind: "library",
        package: "@sawmill/libc",
        priority: 0,
        memoryPages: 0,
        stackPages: 0,
        irqs: [],
        ports: [],
        group: undefined,
      },
      {
        name: "vfs",
        role: "component",
        kind: "server",
        package: "@sawmill/vfs",
        priority: 80,
        memoryPages: 64,
        stackPages: 2,
        irqs: [],
        ports: [],
        group: "fs",
      },
      {
        name: "ext2",
        role: "component",
        kind: "server",
        package: "@sawmill/ext2",
        priority: 80,
        memoryPages: 64,
        stackPages: 2,
        irqs: [],
        ports: [],
        group: "fs",
      },
      {
        name: "hello",
        role: "application",
        kind: "application",
        package: "@acme/hello",
        priority: 50,
        memoryPages: 64,
        stackPages: 2,
        irqs: [],
        ports: [],
        group: undefined,
      },
    ]);
    const libc = components.find((c) => c.name === "libc")!;
    expect(libc.provides).toEqual({ interfaces: [], syscalls: ["write", "exit"] });
    expect(libc.requires).toEqual({ interfaces: ["console"], syscalls: [] });
    expect(libc.entry).toBe(`${modules.dir}/node_modules/@sawmill/libc/assembly/index.ts`);
    expect(libc.package.version).toBe("1.0.0");
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
