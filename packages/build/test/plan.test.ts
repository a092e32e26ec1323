// The closure and placement rules on their own (planImage is pure: no compiling, no booting).
import { loadConfig } from "@sawmill/config";
import { describe, expect, it } from "vitest";
import { BuildError, formatBuildError } from "../src/index.js";
import { planImage } from "../src/plan.js";
import { fixtureConfig, REPO } from "./support.js";

const SEARCH = { searchPaths: [REPO] };
const HELLO_CALLS = new Map([["hello", ["exit", "write"]]]);

function load(name: string, yaml: string): ReturnType<typeof loadConfig> {
  return loadConfig(fixtureConfig(name, yaml, ["logger"]), SEARCH);
}

const COMPONENTS = `target:
  memory: 16MiB
components:
  - package: "@sawmill/uart"
  - package: "@sawmill/console"
  - package: "@sawmill/libc"
  - package: "@fixture/logger"
applications:
  - package: "@sawmill/hello"
`;

describe("planImage", () => {
  it("includes a server only when an application's call needs it", () => {
    const plan = planImage(load("plain", `name: plain\n${COMPONENTS}`), HELLO_CALLS);
    expect(plan.tasks.map((t) => t.name)).toEqual(["uart", "console", "hello"]);
    expect(plan.pruned).toEqual(["logger"]);
    expect([...plan.slots]).toEqual([
      ["console", 1],
      ["serial", 2],
    ]);
    const withSyslog = planImage(
      load("syslog", `name: syslog\n${COMPONENTS}`),
      new Map([["hello", ["syslog"]]]),
    );
    expect(withSyslog.tasks.map((t) => [t.name, t.serves, t.uses])).toEqual([
      ["uart", ["serial"], []],
      ["logger", ["log"], [{ iface: "serial", server: "uart" }]],
      ["hello", [], [{ iface: "log", server: "logger" }]],
    ]);
    expect(withSyslog.pruned).toEqual(["console"]);
  });

  it("starts a group's inside-only servers before the member that serves other tasks", () => {
    const yaml = `name: grouped\n${COMPONENTS}colocate:\n  io: [console, uart]\n`;
    const plan = planImage(load("grouped", yaml), HELLO_CALLS);
    const io = plan.tasks.find((t) => t.name === "io")!;
    expect(io.members.map((m) => m.name)).toEqual(["uart", "console"]);
    expect(io.colocated).toEqual(["serial"]);
    expect(io.serves).toEqual(["console"]);
  });

  it("refuses a group whose server is also called from outside it", () => {
    const yaml = `name: split\n${COMPONENTS}colocate:\n  io: [uart, console]\n`;
    const loaded = load("split", yaml);
    const error = (() => {
      try {
        planImage(loaded, new Map([["hello", ["syslog", "write"]]]));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(BuildError);
    expect(formatBuildError(error as BuildError)).toBe(
      `${loaded.file}: colocation group "io" serves serial both inside and outside the group\n` +
        "  hint: a server registered for direct calls does not also answer IPC yet: move its clients into the group or the server out of it",
    );
  });
});
