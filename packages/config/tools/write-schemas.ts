/**
 * Writes the published JSON Schemas (schema/*.json) from their TypeScript sources in src/schema.
 * Run after changing a schema: `npm run schema`; test/schema-files.test.ts fails while they differ.
 */
import { writeFileSync } from "node:fs";
import { schemaFiles } from "../src/schema/files.js";

for (const [path, text] of schemaFiles()) writeFileSync(new URL(`../${path}`, import.meta.url), text);
