import { copyFileSync, readdirSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { bootMultiboot } from "@sawmill/emulator";
import type { Placement } from "@sawmill/idl";
import { type ComponentManifest, type Grant, MANIFEST_ENTRY_NAME, writeBootManifest } from "@sawmill/image";
import { buildComponent, buildSystemImage, Right } from "@sawmill/kernel";
import { buildRoot, rootTaskStubs } from "@sawmill/root";
import { beforeAll, describe, expect, it } from "vitest";
import { prepareMemory } from "../src/index.js";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The library staged for `placement` with its generated stubs, the fixtures (test/assembly) beside it. */
function stage(placement: Placement): string {
  rmSync(here(`../build/test-apps/${placement}`), { recursive: true, force: true });
  const dir = prepareMemory(here(`../build/test-apps/${placement}`), placement);
  for (const file of readdirSync(here("./assembly")))
    copyFileSync(here(`./assembly/${file}`), `${dir}/${file}`);
  return dir;
}

// Indices and slots as test/assembly/roles.ts names them; component i's badges are i + 1.
const [ANON, STACKED, CLIENT, CONSUMER, MONITOR] = [0, 1, 2, 3, 4];
const [SERVE, MAPPER_OR_STACKED, ANON_SLOT, CHANNEL, MONITOR_SLOT, PARK] = [1, 2, 3, 4, 5, 6];
const serves = (slot: number, endpoint: number): Grant => ({ kind: "endpoint", slot, endpoint });
const uses = (slot: number, server: number, client: number, rights: number = Right.SEND): Grant => ({
  kind: "client",
  slot,
  component: server,
  endpoint: 0,
  badge: client + 1,
  rights,
});
/** Component `index` of a system whose monitor is component `monitor`. */
const component = (name: string, index: number, grants: Grant[], monitor = MONITOR): ComponentManifest => ({
  name,
  priority: name === "monitor" ? 60 : 50,
  stackPages: 4,
  memoryPages: 160,
  grants: [...grants, ...(index === monitor ? [] : [uses(MONITOR_SLOT, monitor, index)])],
  irqs: [],
  ports: [],
});
const components = [
  component("anon", ANON, [serves(SERVE, 0)]),
  component("stacked", STACKED, [
    serves(SERVE, 0),
    serves(MAPPER_OR_STACKED, 1),
    uses(ANON_SLOT, ANON, STACKED),
  ]),
  component("client", CLIENT, [
    serves(SERVE, 0),
    uses(MAPPER_OR_STACKED, STACKED, CLIENT),
    uses(ANON_SLOT, ANON, CLIENT),
    uses(CHANNEL, CONSUMER, CLIENT, Right.SEND | Right.GRANT),
  ]),
  component("consumer", CONSUMER, [
    serves(SERVE, 0),
    uses(MAPPER_OR_STACKED, STACKED, CONSUMER),
    serves(PARK, 1),
  ]),
  component("monitor", MONITOR, [serves(SERVE, 0)]),
];

/**
 * Colocated: one client with the anonymous manager linked in (test/assembly/colocated-main.ts)
 * and the monitor. The stacked manager and the consumer keep tasks of their own (README,
 * "Placements", says why).
 */
const [COLOCATED_CLIENT, COLOCATED_MONITOR] = [0, 1];
const colocatedComponents = [
  component("colocated", COLOCATED_CLIENT, [serves(SERVE, 0)], COLOCATED_MONITOR),
  component("monitor", COLOCATED_MONITOR, [serves(SERVE, 0)], COLOCATED_MONITOR),
];

/** The real root task starting `components` (test/assembly/<name>-main.ts) from the manifest. */
async function bootSystem(placement: Placement, components: ComponentManifest[]) {
  const dir = stage(placement);
  const extraObjects = rootTaskStubs();
  const entries = [];
  for (const { name } of components)
    entries.push({ name, bytes: (await buildComponent(`${dir}/${name}-main.ts`, { extraObjects })).elf });
  entries.push({ name: MANIFEST_ENTRY_NAME, bytes: writeBootManifest({ components }) });
  const root = await buildRoot();
  const elf = await buildSystemImage({ root: root.elf, entries });
  return bootMultiboot(elf, { memoryMiB: 64, maxInstructions: 20_000_000 });
}

const fault = (component: number, address: string, error: number) =>
  `monitor: exception from component ${component}: vector 14 address ${address} error 0x0000000${error}`;

describe("dataspaces, the region mapper and shared buffers in v86 (separate placement, one boot)", () => {
  let result: Awaited<ReturnType<typeof bootSystem>>;
  let serial = "";
  beforeAll(async () => {
    result = await bootSystem("separate", components);
    serial = result.serial;
  });

  it("runs to the monitor's exit with every component alive and within its memory", () => {
    expect(result.exitCode).toBe(0x70);
    expect(serial).not.toContain("unexpected");
    expect(serial).not.toContain("check failed");
    expect(serial).not.toContain("[kernel] task"); // no task ended
    expect(serial).not.toMatch(/over its memory budget|outside its memory|not started/);
    expect(result.instructions).toBeLessThan(10_000_000); // measured: about 5.04 M, kernel boot included
  });

  it("close frees: 640 pages and 80 ids through a 64-page pool and 63 ids, each page zeroed", () => {
    expect(serial).toContain(
      "client: 80 of 80 rounds opened, filled and closed 8 zeroed pages (640 pages through a 64-page pool)",
    );
  });

  it("refuses the 17th region, an overlapping one and a second detach with their codes", () => {
    expect(serial).toContain(
      "client: 16 regions attached, the next refused with 0x00000030; overlapping: 0x00000031; detached twice: 0x00000032",
    );
  });

  it("pages through two stacked managers; a read-only view's write and an unattached read fault", () => {
    expect(serial).toContain("client: 4 pages through two stacked managers, stamped and writable");
    expect(serial).toContain("client: the read-only view of the shared buffer says 0x5eedf00d");
    expect(serial).toContain(fault(3, "0x88000008", 7));
    expect(serial).toContain(fault(3, "0x90000000", 4));
  });

  it("detach unmaps: the next touch is a fault the region mapper does not resolve", () => {
    expect(serial).toContain("client: detached a region that held 0xde7ac4ed, status 0x00000000");
    expect(serial).toContain(fault(3, "0x98000000", 4));
  });

  it("a buffer shared read-only cannot be written by the receiver", () => {
    expect(serial).toContain("consumer: shared buffer says 0x5eedf00d");
    expect(serial).toContain(
      "[root] consumer: page fault at 0xa0000008 violates the page's rights; not mapped",
    );
    expect(serial).toContain(fault(4, "0xa0000008", 7));
  });

  it("transfer: the consumer has the data and owns the dataspace; the producer has neither", () => {
    expect(serial).toContain("transferred buffer says 0x7a110c8d");
    expect(serial).toContain("consumer: the stacked manager says its size is 0x00001000");
    expect(serial).toContain("client: after the transfer the stacked manager answers 0x00000023");
    expect(serial).toContain(fault(3, "0x9c000000", 4));
  });
});

describe("the anonymous manager colocated with its client in v86 (one boot)", () => {
  let result: Awaited<ReturnType<typeof bootSystem>>;
  let serial = "";
  beforeAll(async () => {
    result = await bootSystem("colocated", colocatedComponents);
    serial = result.serial;
  });

  it("runs to the client's exit, the task alive and within its memory", () => {
    expect(serial).toContain("client: colocated run done");
    expect(result.exitCode).toBe(0x71);
    expect(serial).not.toContain("unexpected");
    expect(serial).not.toContain("check failed");
    expect(serial).not.toContain("[kernel] task");
    expect(serial).not.toMatch(/over its memory budget|outside its memory|not started/);
    expect(result.instructions).toBeLessThan(6_000_000); // measured: about 3.41 M, kernel boot included
  });

  it("close frees pages mapped within the task: 640 pages through the 64-page pool, each zeroed", () => {
    expect(serial).toContain(
      "client: 80 of 80 rounds opened, filled and closed 8 zeroed pages (640 pages through a 64-page pool)",
    );
  });

  it("two views of one pool page: a write through one is read through the other; the read-only view faults", () => {
    expect(serial).toContain("client: the read-only view of the shared buffer says 0x5eedf00d");
    expect(serial).toContain(fault(1, "0x88000008", 7));
  });

  it("detach unmaps a page the task's own manager gave", () => {
    expect(serial).toContain("client: detached a region that held 0xde7ac4ed, status 0x00000000");
    expect(serial).toContain(fault(1, "0x98000000", 4));
  });
});
