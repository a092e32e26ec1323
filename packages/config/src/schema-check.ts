/**
 * Schema validation: ajv against the published schemas, errors turned into problems at paths.
 *
 * Layer: configurator (host). Interface: `checkImageSchema`, `checkManifestSchema` → `Problem[]`.
 * Invariant: one ajv instance compiles each schema once; every ajv error becomes at most one
 * problem, in words a user of the YAML file understands (see messages.ts).
 */
import { Ajv, type ValidateFunction } from "ajv";
import { imageSchema } from "./schema/image-schema.js";
import { manifestSchema } from "./schema/manifest-schema.js";
import { describeSchemaError, type Problem } from "./schema-messages.js";

const ajv = new Ajv({ allErrors: true, verbose: true, strict: true });
ajv.addKeyword({ keyword: "x-hint", schemaType: "string" });

let imageValidator: ValidateFunction | undefined;
let manifestValidator: ValidateFunction | undefined;

function problems(validate: ValidateFunction, data: unknown, whole: string): Problem[] {
  if (validate(data)) return [];
  return (validate.errors ?? []).flatMap((e) => describeSchemaError(e, whole));
}

/** Problems of an image configuration's plain data. */
export function checkImageSchema(data: unknown): Problem[] {
  imageValidator ??= ajv.compile(imageSchema);
  return problems(imageValidator, data, "the configuration");
}

/** Problems of a `sawmill` key's plain data. */
export function checkManifestSchema(data: unknown): Problem[] {
  manifestValidator ??= ajv.compile(manifestSchema);
  return problems(manifestValidator, data, "the sawmill key");
}
