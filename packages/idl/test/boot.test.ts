import { bootMultiboot } from "@sawmill/emulator";
import { type ComponentManifest, MANIFEST_ENTRY_NAME, writeBootManifest } from "@sawmill/image";
import { buildSystemImage } from "@sawmill/kernel";
import { buildRoot } from "@sawmill/root";
import { describe, expect, it } from "vitest";
import { prepareApp } from "./apps.js";
import { buildIdlComponent } from "./build-component.js";

const SEND = 0x100;
const GRANT = 0x400;

function component(name: string, grants: ComponentManifest["grants"]): ComponentManifest {
  return { name, priority: 100, stackPages: 4, memoryPages: 64, grants, irqs: [], ports: [] };
}

async function boot(components: { manifest: ComponentManifest; source: string }[]) {
  const root = await buildRoot();
  const entries = [];
  for (const c of components)
    entries.push({ name: c.manifest.name, bytes: await buildIdlComponent(c.source) });
  const manifest = writeBootManifest({ components: components.map((c) => c.manifest) });
  entries.push({ name: MANIFEST_ENTRY_NAME, bytes: manifest });
  const elf = await buildSystemImage({ root: root.elf, entries });
  return bootMultiboot(elf, { memoryMiB: 64, maxInstructions: 100_000_000 });
}

describe("generated stubs in v86", () => {
  it("separate address spaces: every method through kernel IPC; another version's bind is refused", async () => {
    const dir = prepareApp("separate");
    const result = await boot([
      {
        manifest: component("calc", [{ kind: "endpoint", slot: 1, endpoint: 0 }]),
        source: `${dir}server-main.ts`,
      },
      {
        manifest: component("client", [
          { kind: "client", slot: 1, component: 0, endpoint: 0, badge: 7, rights: SEND | GRANT },
        ]),
        source: `${dir}client-main.ts`,
      },
    ]);
    expect(result.serial).toContain("[calc] serving");
    expect(result.serial).toContain("mismatch refused");
    expect(result.serial).not.toContain("FAIL");
    expect(result.serial).toContain("idl client ok");
    expect(result.exitCode).toBe(0x51);
  });

  it("colocated: the same application code, direct calls", async () => {
    const dir = prepareApp("colocated");
    const result = await boot([{ manifest: component("app", []), source: `${dir}colocated-main.ts` }]);
    expect(result.serial).toContain("mismatch refused");
    expect(result.serial).not.toContain("FAIL");
    expect(result.serial).toContain("idl client ok");
    expect(result.exitCode).toBe(0x51);
  });
});
