import { fileURLToPath } from "node:url";
import { bootMultiboot } from "@sawmill/emulator";
import { type Placement, stageIdlLibrary } from "@sawmill/idl";
import type { ComponentManifest } from "@sawmill/image";
import { Right } from "@sawmill/kernel";
import { buildManifestSystem, componentManifest, type ManifestComponent } from "@sawmill/root";
import { describe, expect, it } from "vitest";
import { prepareNaming } from "../src/index.js";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

const { SEND, GRANT } = Right;

const component = (name: string, grants: ComponentManifest["grants"]) => componentManifest(name, { grants });

async function bootComponents(parts: ManifestComponent[]) {
  return bootMultiboot(await buildManifestSystem(parts), { memoryMiB: 64, maxInstructions: 50_000_000 });
}

/**
 * The naming library for `placement`, the Echo stubs (always separate: the service is a task of
 * its own) and the test's components, in one directory.
 */
function stageSystem(placement: Placement, mains: string[]): string {
  const dir = prepareNaming(here(`../build/test-apps/${placement}`), placement);
  return stageIdlLibrary(dir, "separate", {
    idl: here("./idl/echo.idl.ts"),
    interfaceName: "Echo",
    module: "echo",
    sourceDir: here("./assembly"),
    files: ["checks.ts", "echo-impl.ts", ...mains],
  });
}

/** A send+grant capability to the name server (component 0) in `slot`: it can register. */
const nameServer = (slot: number, badge: number) =>
  ({ kind: "client", slot, component: 0, endpoint: 0, badge, rights: SEND | GRANT }) as const;

describe("name server and caching client in v86", () => {
  it("a name resolves to a capability the client calls; the cache asks the server once", async () => {
    const dir = stageSystem("separate", [
      "name-server-main.ts",
      "echo-service-main.ts",
      "name-client-main.ts",
    ]);
    const result = await bootComponents([
      {
        manifest: component("names", [{ kind: "endpoint", slot: 1, endpoint: 0 }]),
        source: `${dir}/name-server-main.ts`,
      },
      {
        manifest: component("echo", [{ kind: "endpoint", slot: 1, endpoint: 0 }, nameServer(2, 5)]),
        source: `${dir}/echo-service-main.ts`,
      },
      {
        manifest: component("client", [nameServer(1, 3)]),
        source: `${dir}/name-client-main.ts`,
      },
    ]);
    expect(result.serial).toContain("[names] serving");
    expect(result.serial).toContain("[echo] registered");
    expect(result.serial).not.toContain("FAIL");
    expect(result.serial).toContain(
      "[client] echo: 10 resolutions, server calls 1; echo.increment(41) = 42 through the resolved capability",
    );
    expect(result.serial).toContain("[client] done");
    expect(result.exitCode).toBe(0x51);
    expect(result.instructions).toBeLessThan(5_000_000); // measured: about 1.33 M, kernel boot included
  });

  it("colocated, the same library hands the client a copy of its own", async () => {
    const dir = stageSystem("colocated", ["colocated-main.ts", "plain-echo-main.ts"]);
    const result = await bootComponents([
      {
        manifest: component("app", [
          { kind: "client", slot: 5, component: 1, endpoint: 0, badge: 9, rights: SEND },
        ]),
        source: `${dir}/colocated-main.ts`,
      },
      {
        manifest: component("echo", [{ kind: "endpoint", slot: 1, endpoint: 0 }]),
        source: `${dir}/plain-echo-main.ts`,
      },
    ]);
    expect(result.serial).not.toContain("FAIL");
    expect(result.serial).toContain(
      "[app] colocated: 10 resolutions, server calls 1; echo.increment(41) = 42 through slot 32",
    );
    expect(result.exitCode).toBe(0x52);
    expect(result.instructions).toBeLessThan(5_000_000); // measured: about 1.21 M, kernel boot included
  });
});
