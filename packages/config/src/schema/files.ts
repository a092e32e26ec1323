/**
 * The published schema files: path in the package → exact text.
 *
 * Layer: configurator (host). Interface: `schemaFiles`, `IMAGE_SCHEMA_FILE`, `MANIFEST_SCHEMA_FILE`.
 * Invariant: the files under schema/ are exactly this text (checked by a test).
 */
import { imageSchema } from "./image-schema.js";
import { manifestSchema } from "./manifest-schema.js";

export const IMAGE_SCHEMA_FILE = "schema/image.schema.json";
export const MANIFEST_SCHEMA_FILE = "schema/component.schema.json";

export function schemaFiles(): [string, string][] {
  return [
    [IMAGE_SCHEMA_FILE, `${JSON.stringify(imageSchema, null, 2)}\n`],
    [MANIFEST_SCHEMA_FILE, `${JSON.stringify(manifestSchema, null, 2)}\n`],
  ];
}
