/**
 * The published schema files: path in the package → exact text.
 *
 * Layer: configurator (host). Interface: `schemaFiles`, `packageSchema`, the three file paths.
 * Invariant: the files under schema/ hold exactly these schemas (a test compares them as JSON;
 * biome may format their text).
 */
import { imageSchema } from "./image-schema.js";
import { manifestSchema } from "./manifest-schema.js";

export const IMAGE_SCHEMA_FILE = "schema/image.schema.json";
export const MANIFEST_SCHEMA_FILE = "schema/component.schema.json";
export const PACKAGE_SCHEMA_FILE = "schema/package.schema.json";

/** A whole package.json with the manifest inlined under `sawmill`, for editors that map schemas to files. */
export function packageSchema() {
  const { $schema, $id, ...manifest } = manifestSchema;
  return {
    $schema,
    $id: $id.replace("component.schema.json", "package.schema.json"),
    title: "package.json of a SawMill component",
    type: "object",
    properties: { sawmill: manifest },
  };
}

export function schemaFiles(): [string, string][] {
  return [
    [IMAGE_SCHEMA_FILE, `${JSON.stringify(imageSchema, null, 2)}\n`],
    [MANIFEST_SCHEMA_FILE, `${JSON.stringify(manifestSchema, null, 2)}\n`],
    [PACKAGE_SCHEMA_FILE, `${JSON.stringify(packageSchema(), null, 2)}\n`],
  ];
}
