/**
 * ajv's errors said in the user's terms: a message naming the key and the value, and a hint
 * taken from the schema (`x-hint`, else `description`) or a "did you mean".
 *
 * Layer: configurator (host). Interface: `Problem`, `describeSchemaError`.
 * Invariant: ajv runs with `verbose`, so every error carries its schema and data; errors that only
 * repeat another one (propertyNames' summary) produce no problem.
 */
import type { ErrorObject } from "ajv";
import { closest } from "./suggest.js";

/** A problem at a path of the data; `key` places it on the key rather than the value. */
export interface Problem {
  path: string[];
  key?: boolean;
  message: string;
  hint?: string;
}

interface SchemaNode {
  description?: string;
  "x-hint"?: string;
  properties?: Record<string, SchemaNode>;
  enum?: unknown[];
}

const TYPE_WORDS: Record<string, string> = {
  integer: "a whole number",
  number: "a number",
  string: "a string",
  boolean: "true or false",
  object: "a mapping (key: value lines)",
  array: "a list",
  null: "empty",
};

export function describeSchemaError(e: ErrorObject, whole: string): Problem[] {
  const path = e.instancePath.split("/").slice(1).map(unescapePointer);
  const parent = (e.parentSchema ?? {}) as SchemaNode;
  const label = labelOf(path, whole);
  const hint = parent["x-hint"] ?? parent.description;
  const p = e.params as Record<string, unknown>;
  if (e.propertyName !== undefined) return [propertyNameProblem(e, path, parent)];
  switch (e.keyword) {
    case "propertyNames":
      return [];
    case "additionalProperties":
      return [unknownKey(path, String(p.additionalProperty), Object.keys(parent.properties ?? {}))];
    case "required": {
      const missing = String(p.missingProperty);
      const wanted = parent.properties?.[missing];
      return [{ path, message: `${label} needs the key "${missing}"`, hint: wanted?.description }];
    }
    case "type":
      return [{ path, message: `${label} must be ${typeWords(p.type)}, not ${kindOf(e.data)}`, hint }];
    case "minimum":
    case "maximum":
      return [{ path, message: `${label} is ${e.data}, ${rangeWords(e.keyword, p.limit)}`, hint }];
    case "pattern":
      return [{ path, message: `${label} "${e.data}" is not valid`, hint }];
    case "enum":
      return [enumProblem(path, label, e.data, p.allowedValues as unknown[])];
    case "uniqueItems": {
      const later = Math.max(Number(p.i), Number(p.j));
      const value = (e.data as unknown[])[later];
      return [
        {
          path: [...path, String(later)],
          message: `${label} lists ${JSON.stringify(value)} twice`,
          hint: "remove the repetition",
        },
      ];
    }
    default:
      return [{ path, message: `${label} ${e.message}`, hint }];
  }
}

function unknownKey(path: string[], key: string, allowed: string[]): Problem {
  const guess = closest(key, allowed);
  const hint = guess ? `did you mean "${guess}"?` : `the keys allowed here are: ${allowed.join(", ")}`;
  return { path: [...path, key], key: true, message: `unknown key "${key}"`, hint };
}

function enumProblem(path: string[], label: string, value: unknown, allowed: unknown[]): Problem {
  const words = allowed.map(String);
  const guess = typeof value === "string" ? closest(value, words) : undefined;
  return {
    path,
    message: `${label} is ${JSON.stringify(value)}; it must be one of: ${words.join(", ")}`,
    hint: guess ? `did you mean "${guess}"?` : undefined,
  };
}

function propertyNameProblem(e: ErrorObject, path: string[], schema: SchemaNode): Problem {
  const name = String(e.propertyName);
  return {
    path: [...path, name],
    key: true,
    message: `"${name}" is not a valid name`,
    hint: schema["x-hint"] ?? schema.description,
  };
}

/** `priority`, `irqs[1]`, `components[0]`: the key the user wrote, with the list index if any. */
function labelOf(path: string[], whole: string): string {
  const last = path.at(-1);
  if (last === undefined) return whole;
  if (!/^[0-9]+$/.test(last)) return last;
  return `${labelOf(path.slice(0, -1), whole)}[${last}]`;
}

function typeWords(type: unknown): string {
  const types = Array.isArray(type) ? type : String(type).split(",");
  return types.map((t) => TYPE_WORDS[t] ?? t).join(" or ");
}

function kindOf(value: unknown): string {
  if (value === null) return "empty";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "number") return `the number ${value}`;
  if (typeof value === "boolean") return String(value);
  return `the string ${JSON.stringify(value)}`;
}

function rangeWords(keyword: string, limit: unknown): string {
  return keyword === "minimum" ? `below the lowest allowed, ${limit}` : `above the highest allowed, ${limit}`;
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, "/").replace(/~0/g, "~");
}
