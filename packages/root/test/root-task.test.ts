import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseIdl, requestTag } from "@sawmill/idl";
import type { BootManifest, ComponentManifest } from "@sawmill/image";
import { KERNEL_PROTOCOLS } from "@sawmill/kernel";
import { describe, expect, it } from "vitest";
import {
  buildBootSystem,
  GENERATED_ROOT_TASK,
  generateRootTaskModule,
  ROOT_IDL,
  rootTaskStubs,
} from "../src/index.js";
import { runUntil } from "./run-until.js";

const fixture = (name: string) => fileURLToPath(new URL(`./assembly/${name}.ts`, import.meta.url));

/** How a fixture prints RootTask's error `name`: its code from the IDL, as 8 hex digits. */
function status(name: string): string {
  const [rootTask] = parseIdl(readFileSync(ROOT_IDL, "utf8"), ROOT_IDL);
  const error = rootTask.errors.find((e) => e.name === name);
  if (error === undefined) throw new Error(`RootTask has no error ${name}`);
  return `0x${error.code.toString(16).padStart(8, "0")}`;
}

function component(name: string, overrides: Partial<ComponentManifest> = {}): ComponentManifest {
  return {
    name,
    priority: 100,
    stackPages: 2,
    memoryPages: 64,
    grants: [],
    irqs: [],
    ports: [],
    ...overrides,
  };
}

describe("RootTask interface", () => {
  it("the committed generated module is what the IDL generates", () => {
    expect(readFileSync(GENERATED_ROOT_TASK, "utf8")).toBe(generateRootTaskModule());
  });

  it("inherits pageFault from the kernel's Pager: the same method, label and NO_MAPPING code", () => {
    const [pager] = parseIdl(readFileSync(KERNEL_PROTOCOLS.pager, "utf8"), KERNEL_PROTOCOLS.pager);
    const [rootTask] = parseIdl(readFileSync(ROOT_IDL, "utf8"), ROOT_IDL);
    expect(rootTask.methods[0]).toEqual(pager.methods[0]);
    expect(requestTag(rootTask.methods[0])).toBe(0x3fff2);
    expect(rootTask.errors[0]).toEqual(pager.errors[0]);
    expect(rootTask.methods.map((m) => `${m.number}:${m.name}`)).toEqual([
      "65522:pageFault",
      "2:threadCreate",
    ]);
  });
});

describe("RootTask.threadCreate in v86", () => {
  it("starts 15 threads in the caller's task, pages their stacks, refuses bad requests", async () => {
    const manifest: BootManifest = {
      components: [
        component("spawner", {
          grants: [
            { kind: "endpoint", slot: 1, endpoint: 0 },
            { kind: "endpoint", slot: 2, endpoint: 1 },
          ],
        }),
      ],
    };
    const elf = await buildBootSystem({
      components: [
        { name: "spawner", source: fixture("spawner"), options: { extraObjects: rootTaskStubs() } },
      ],
      manifest,
    });
    const run = await runUntil(elf);
    expect(run.serial).toContain("[spawner] bind: 0x00000000\n");
    expect(run.serial).toContain(`[spawner] priority above mine: ${status("BAD_PRIORITY")}\n`);
    expect(run.serial).toContain(`[spawner] eip in my data: ${status("BAD_ADDRESS")}\n`);
    expect(run.serial).toContain(`[spawner] eip in the kernel: ${status("BAD_ADDRESS")}\n`);
    expect(run.serial).toContain(`[spawner] esp in my code: ${status("BAD_ADDRESS")}\n`);
    expect(run.serial).toContain(`[spawner] esp past my budget: ${status("BAD_ADDRESS")}\n`);
    expect(run.serial).toContain("[spawner] threads created in slots 49-63: 15\n");
    expect(run.serial).toContain("[spawner] threads reported: 0x0000fffe\n");
    expect(run.serial).toContain(`[spawner] a 16th thread: ${status("TOO_MANY_THREADS")}\n`);
    expect(run.serial).toContain("[spawner] thread 1 to priority 90: 0x00000000\n");
    expect(run.serial).toContain("[spawner] thread 1 above mine: 0x00000006\n");
    expect(run.serial).not.toContain("not mapped");
    expect(run.exitCode).toBe(0x5e);
  });

  it("a thread whose fault root refuses ends its task; root goes on paging the others", async () => {
    const manifest: BootManifest = {
      components: [component("crasher"), component("survivor", { priority: 50 })],
    };
    const elf = await buildBootSystem({
      components: [
        { name: "crasher", source: fixture("crasher"), options: { extraObjects: rootTaskStubs() } },
        { name: "survivor", source: fixture("survivor") },
      ],
      manifest,
    });
    const run = await runUntil(elf);
    expect(run.serial).toContain("[crasher] thread started\n");
    expect(run.serial).toContain("[crasher] thread writing outside my memory\n");
    expect(run.serial).toContain(
      "[root] crasher: page fault at 0x51000000 is outside its memory; not mapped\n",
    );
    expect(run.serial).not.toContain("[crasher] the write went through");
    // The survivor's first page faults come after the crasher's end: root still serves them.
    expect(run.serial).toContain("[survivor] still running\n");
    expect(run.exitCode).toBe(0x51);
  });

  it("charges the added threads' stacks and UTCBs to the component's budget", async () => {
    const manifest: BootManifest = {
      components: [component("crowd", { memoryPages: 16 }), component("survivor", { priority: 50 })],
    };
    const elf = await buildBootSystem({
      components: [
        { name: "crowd", source: fixture("crowd"), options: { extraObjects: rootTaskStubs() } },
        { name: "survivor", source: fixture("survivor") },
      ],
      manifest,
    });
    const run = await runUntil(elf);
    expect(run.serial).toContain("[crowd] thread 1 runs\n");
    // A page in an added thread's stack slot (slot 0 is 0xbfff0000 and up) is refused.
    expect(run.serial).toMatch(
      /\[root\] crowd: page fault at 0xbff[0-9a-e][0-9a-f]{4} is over its memory budget; not mapped/,
    );
    expect(run.serial).not.toContain("[crowd] thread 15 runs");
    expect(run.serial).toContain("[survivor] still running\n");
    expect(run.exitCode).toBe(0x51);
  });

  it("refuses a manifest that grants into root's slots 48-63", async () => {
    const manifest: BootManifest = {
      components: [component("spawner", { grants: [{ kind: "endpoint", slot: 48, endpoint: 0 }] })],
    };
    const elf = await buildBootSystem({
      components: [
        { name: "spawner", source: fixture("spawner"), options: { extraObjects: rootTaskStubs() } },
      ],
      manifest,
    });
    const run = await runUntil(elf, "nothing started\n");
    expect(run.serial).toContain(
      "[root] bad boot manifest: component spawner has a bad grant; nothing started",
    );
  });
});
