import { bootMultiboot } from "@sawmill/emulator";
import type { ComponentManifest } from "@sawmill/image";
import { Right } from "@sawmill/kernel";
import { buildManifestSystem, componentManifest, type ManifestComponent } from "@sawmill/root";
import { describe, expect, it } from "vitest";
import { prepareApp } from "./apps.js";

const { SEND, GRANT } = Right;

const component = (name: string, grants: ComponentManifest["grants"]) => componentManifest(name, { grants });

async function boot(parts: ManifestComponent[]) {
  return bootMultiboot(await buildManifestSystem(parts), { memoryMiB: 64, maxInstructions: 100_000_000 });
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
