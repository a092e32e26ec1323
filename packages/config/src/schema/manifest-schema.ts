/**
 * JSON Schema (draft-07) of a component manifest: the `sawmill` key of a component's package.json.
 *
 * Layer: configurator (host). Interface: `manifestSchema` (plain data, written to
 * schema/component.schema.json by tools/write-schemas.ts).
 * Invariant: closed objects, like the image schema.
 */
import { interfaceName, irqList, portRangeList, priority, size, syscallName } from "./definitions.js";

export const MANIFEST_SCHEMA_ID = "https://sawmill.invalid/schema/component.schema.json";

const names = (item: object, description: string) =>
  ({ type: "array", items: item, uniqueItems: true, description }) as const;

const capabilities = (verb: string) =>
  ({
    type: "object",
    additionalProperties: false,
    properties: {
      interfaces: names(interfaceName, `Interfaces (IDL names) it ${verb}, e.g. ["console"].`),
      syscalls: names(syscallName, `Client-library system calls it ${verb}, e.g. ["write", "exit"].`),
    },
    description: `What the component ${verb}.`,
  }) as const;

export const manifestSchema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: MANIFEST_SCHEMA_ID,
  title: "SawMill component manifest",
  description: "The `sawmill` key of a component's package.json.",
  type: "object",
  additionalProperties: false,
  required: ["kind", "entry"],
  properties: {
    kind: {
      enum: ["driver", "server", "library", "application"],
      description:
        "driver or server: a task of its own; library: linked into the tasks that use it; application: a program the image runs.",
    },
    entry: {
      type: "string",
      pattern: "^[^/\\\\].*\\.ts$",
      description: 'The AssemblyScript entry file, relative to the package, e.g. "assembly/main.ts".',
      "x-hint": 'give the AssemblyScript entry file relative to the package, e.g. "assembly/main.ts"',
    },
    description: { type: "string", description: "What the component does." },
    priority: { ...priority, description: `${priority.description} The default for every instance.` },
    provides: capabilities("provides"),
    requires: capabilities("requires"),
    resources: {
      type: "object",
      additionalProperties: false,
      properties: {
        irqs: irqList,
        ports: portRangeList,
        memory: {
          ...size,
          description: `Default memory budget (code, data, stack, heap). ${size.description}`,
        },
        stack: { ...size, description: "Default stack of its first thread, 4KiB–60KiB." },
        configurable: {
          type: "boolean",
          description: "true if an image may give it other IRQs and ports (a UART driver for COM2, say).",
        },
      },
      description: "What the root task grants it: IRQ lines, I/O ports, memory.",
    },
  },
} as const;
