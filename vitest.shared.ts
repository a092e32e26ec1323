// Shared Vitest settings: every package's vitest.config.ts re-exports this.
// The "@sawmill/source" condition makes workspace packages resolve to their TypeScript sources,
// so tests never depend on a prior build.
import { defineConfig } from "vitest/config";

const conditions = ["@sawmill/source", "import", "module", "node", "default"];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ["@sawmill/source"] } },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/dist/**"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
