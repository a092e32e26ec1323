import { fileURLToPath } from "node:url";
import { stageIdlLibrary } from "@sawmill/idl";
import { describe, expect, it } from "vitest";
import { prepareNaming } from "../src/index.js";
import { bootComponents, component, GRANT, SEND } from "./boot-system.js";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The naming library, the Echo stubs and the three components' sources in one directory. */
function stageSystem(): string {
  const dir = prepareNaming(here("../build/test-apps/separate"), "separate");
  return stageIdlLibrary(dir, "separate", {
    idl: here("./idl/echo.idl.ts"),
    interfaceName: "Echo",
    module: "echo",
    sourceDir: here("./assembly"),
    files: ["name-server-main.ts", "echo-service-main.ts", "name-client-main.ts"],
  });
}

describe("name server and caching client in v86", () => {
  it("a name resolves to a capability the client calls; the cache asks the server once", async () => {
    const dir = stageSystem();
    const nameServer = { kind: "client", slot: 0, component: 0, endpoint: 0, rights: SEND | GRANT } as const;
    const result = await bootComponents([
      {
        manifest: component("names", [{ kind: "endpoint", slot: 1, endpoint: 0 }]),
        source: `${dir}/name-server-main.ts`,
      },
      {
        manifest: component("echo", [
          { kind: "endpoint", slot: 1, endpoint: 0 },
          { ...nameServer, slot: 2, badge: 5 },
        ]),
        source: `${dir}/echo-service-main.ts`,
      },
      {
        manifest: component("client", [{ ...nameServer, slot: 1, badge: 3 }]),
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
    expect(result.instructions).toBeLessThan(5_000_000);
  });
});
