/**
 * Builds every image configuration in configs/ into dist/<name>/ — the `configs` project's Nx
 * `build` target (configs/project.json), cached by Nx on the configurations and the packages'
 * target sources, and per task by @sawmill/build's own cache underneath.
 *
 * Layer: repository tooling (host). Usage: `npx nx build configs` (or `tsx
 * --conditions=@sawmill/source tools/build-configs.ts [config.yaml …]`). Exit code 1 on the
 * first configuration that fails, with its diagnostics.
 */

import { readdirSync } from "node:fs";
import { join } from "node:path";
import { BuildError, buildImage, formatBuildError } from "@sawmill/build";
import { ConfigError } from "@sawmill/config";

const given = process.argv.slice(2);
const configs =
  given.length > 0
    ? given
    : readdirSync("configs")
        .filter((f) => f.endsWith(".yaml"))
        .sort()
        .map((f) => join("configs", f));

for (const config of configs) {
  try {
    const result = await buildImage(config);
    const { hits, misses } = result.cache;
    console.log(`${config} → ${result.outDir} (cache: ${hits} hits, ${misses} misses)`);
  } catch (error) {
    if (error instanceof ConfigError) console.error(error.message);
    else if (error instanceof BuildError) console.error(formatBuildError(error));
    else throw error;
    process.exit(1);
  }
}
