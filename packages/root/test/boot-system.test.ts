import { fileURLToPath } from "node:url";
import { type BootManifest, type ComponentManifest, writeBootManifest } from "@sawmill/image";
import { buildComponent, buildSystemImage } from "@sawmill/kernel";
import { describe, expect, it } from "vitest";
import { buildBootSystem, buildRoot } from "../src/index.js";
import { runUntil } from "./run-until.js";

const fixture = (name: string) => fileURLToPath(new URL(`./assembly/${name}.ts`, import.meta.url));

function component(name: string, overrides: Partial<ComponentManifest> = {}): ComponentManifest {
  return {
    name,
    priority: 100,
    stackPages: 2,
    memoryPages: 32,
    grants: [],
    irqs: [],
    ports: [],
    ...overrides,
  };
}

const SEND = 0x100;
const serverAndClients: BootManifest = {
  components: [
    component("server", { grants: [{ kind: "endpoint", slot: 1, endpoint: 0 }] }),
    component("client-a", {
      grants: [{ kind: "client", slot: 1, component: 0, endpoint: 0, badge: 7, rights: SEND }],
    }),
    component("client-b", {
      grants: [{ kind: "client", slot: 1, component: 0, endpoint: 0, badge: 9, rights: SEND }],
    }),
  ],
};
const serverAndClientSources = [
  { name: "server", source: fixture("server") },
  { name: "client-a", source: fixture("client") },
  { name: "client-b", source: fixture("client") },
];

describe("buildBootSystem", () => {
  it("gives the same bytes for the same inputs", async () => {
    const input = { components: serverAndClientSources, manifest: serverAndClients };
    const first = await buildBootSystem(input);
    const second = await buildBootSystem(input);
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });

  it("rejects a manifest component without a built component, and the reverse", async () => {
    const manifest = { components: [component("server")] };
    await expect(buildBootSystem({ components: [], manifest })).rejects.toThrow(
      'the manifest starts "server" but no component of that name is given',
    );
    await expect(
      buildBootSystem({
        components: [
          { name: "server", source: fixture("server") },
          { name: "other", source: fixture("server") },
        ],
        manifest,
      }),
    ).rejects.toThrow('component "other" is not in the manifest');
  });
});

describe("root task", () => {
  it("reports a malformed manifest and starts nothing", async () => {
    const root = await buildRoot();
    const garbage = new TextEncoder().encode("SMMF but not really a manifest");
    const elf = await buildSystemImage({ root: root.elf, entries: [{ name: "manifest", bytes: garbage }] });
    const run = await runUntil(elf, "nothing started\n");
    expect(run.serial).toContain("[root] the boot manifest is malformed");
    expect(run.serial).not.toContain("[root] started");
  });

  it("reports a component whose ELF is missing from the archive", async () => {
    const root = await buildRoot();
    const manifest = writeBootManifest({ components: [component("ghost")] });
    const elf = await buildSystemImage({ root: root.elf, entries: [{ name: "manifest", bytes: manifest }] });
    const run = await runUntil(elf, "nothing started\n");
    expect(run.serial).toContain("[root] bad boot manifest: component ghost has no ELF in the boot archive");
  });

  it("reports a component whose stack does not fit a stack slot", async () => {
    const root = await buildRoot();
    const manifest = writeBootManifest({ components: [component("server", { stackPages: 16 })] });
    const server = await buildComponent(fixture("server"));
    const elf = await buildSystemImage({
      root: root.elf,
      entries: [
        { name: "server", bytes: server.elf },
        { name: "manifest", bytes: manifest },
      ],
    });
    const run = await runUntil(elf, "nothing started\n");
    expect(run.serial).toContain(
      "[root] bad boot manifest: component server has a stack outside 1 to 15 pages",
    );
  });

  it("starts a server and two clients; the server tells the clients apart by badge", async () => {
    const elf = await buildBootSystem({ components: serverAndClientSources, manifest: serverAndClients });
    const run = await runUntil(elf);
    expect(run.serial).toContain("[root] started server: task 2, 32 pages budget, 1 grants");
    expect(run.serial).toContain("[root] started client-a: task 3, 32 pages budget, 1 grants");
    expect(run.serial).toContain("[root] started client-b: task 4, 32 pages budget, 1 grants");
    expect(run.serial).toContain("[server] hello from badge 7");
    expect(run.serial).toContain("[server] hello from badge 9");
    expect(run.serial).toContain("[client] the server says I am badge 7");
    expect(run.serial).toContain("[client] the server says I am badge 9");
    expect(run.serial).toContain("[server] both clients have their answers");
    expect(run.exitCode).toBe(0x5e);
  });

  it("gives a component with no grants no way to the server", async () => {
    const manifest: BootManifest = {
      components: [
        component("server", { grants: [{ kind: "endpoint", slot: 1, endpoint: 0 }] }),
        component("stranger"),
      ],
    };
    const elf = await buildBootSystem({
      components: [
        { name: "server", source: fixture("server") },
        { name: "stranger", source: fixture("stranger") },
      ],
      manifest,
    });
    const run = await runUntil(elf);
    expect(run.serial).toContain("[root] started stranger: task 3, 32 pages budget, 0 grants");
    expect(run.serial).toContain("[stranger] call through slot 1: INVALID_CAP");
    expect(run.serial).toContain("[stranger] empty slots: 31");
    expect(run.exitCode).toBe(31);
  });

  it("refuses pages beyond a budget and writes to read-only pages; the kernel ends those, the others go on", async () => {
    const manifest: BootManifest = {
      components: [
        component("hog", { memoryPages: 12 }),
        component("vandal"),
        component("survivor", { priority: 50 }),
      ],
    };
    const elf = await buildBootSystem({
      components: [
        { name: "hog", source: fixture("hog") },
        { name: "vandal", source: fixture("vandal") },
        { name: "survivor", source: fixture("survivor") },
      ],
      manifest,
    });
    const run = await runUntil(elf);
    expect(run.serial).toMatch(
      /\[root\] hog: page fault at 0x5000[0-9a-f]000 is over its memory budget; not mapped/,
    );
    expect(run.serial).toContain("[hog] page 1\n");
    expect(run.serial).not.toContain("[hog] touched every page");
    expect(run.serial).toContain("[vandal] writing over my code");
    expect(run.serial).toContain(
      "[root] vandal: page fault at 0x40000000 violates the page's rights; not mapped",
    );
    expect(run.serial).not.toContain("[vandal] my code was writable");
    expect(run.serial).toContain("[survivor] still running");
    expect(run.exitCode).toBe(0x51);
  });

  it("grants a driver exactly its IRQ line and I/O ports", async () => {
    const manifest: BootManifest = {
      components: [
        component("driver", {
          grants: [{ kind: "endpoint", slot: 1, endpoint: 0 }],
          irqs: [4],
          ports: [{ base: 0x3f8, count: 8 }],
        }),
        component("survivor", { priority: 50 }),
      ],
    };
    const elf = await buildBootSystem({
      components: [
        { name: "driver", source: fixture("driver") },
        { name: "survivor", source: fixture("survivor") },
      ],
      manifest,
    });
    const run = await runUntil(elf);
    expect(run.serial).toContain("[root] started driver: task 2, 32 pages budget, 3 grants");
    expect(run.serial).toContain("[driver] hello through my own port\n");
    expect(run.serial).toContain("[driver] attach line 4: 0\n");
    expect(run.serial).toContain("[driver] attach line 3: INVALID_CAP\n");
    expect(run.serial).toContain("[driver] attach line 3 with line 4's capability: INVALID_ARGUMENT\n");
    expect(run.serial).not.toContain("[driver] read a port it was not granted");
    expect(run.serial).toContain("[survivor] still running");
    expect(run.exitCode).toBe(0x51);
  });
});
