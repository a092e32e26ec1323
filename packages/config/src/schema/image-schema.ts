/**
 * JSON Schema (draft-07) of an image configuration: the YAML file a product team writes.
 *
 * Layer: configurator (host). Interface: `imageSchema` (plain data, written to
 * schema/image.schema.json by tools/write-schemas.ts).
 * Invariant: every object is closed (`additionalProperties: false`) so misspelt keys are errors
 * with a "did you mean"; everything the schema cannot say is in semantics/.
 */
import { instanceName, irqList, packageName, portRangeList, priority, size } from "./definitions.js";

export const IMAGE_SCHEMA_ID = "https://sawmill.invalid/schema/image.schema.json";

const instance = {
  type: "object",
  additionalProperties: false,
  required: ["package"],
  properties: {
    package: packageName,
    name: {
      ...instanceName,
      description: `${instanceName.description} Defaults to the package name without its scope ("@sawmill/uart" → "uart").`,
    },
    priority,
    memory: {
      ...size,
      description: `Memory budget: everything the root task may give this component (code, data, stack, heap). ${size.description} Defaults to the package's own.`,
    },
    stack: {
      ...size,
      description: `Stack of its first thread, 4KiB–60KiB. Defaults to the package's own.`,
    },
    irqs: {
      ...irqList,
      description: "Interrupt lines instead of the package's own (only if the package allows it).",
    },
    ports: {
      ...portRangeList,
      description: "I/O port ranges instead of the package's own (only if the package allows it).",
    },
  },
  description: 'One component: the npm package and its settings, e.g. { package: "@sawmill/uart" }.',
} as const;

export const imageSchema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: IMAGE_SCHEMA_ID,
  title: "SawMill image configuration",
  description: "A bootable x86 image: the components and applications it holds and how they are placed.",
  type: "object",
  additionalProperties: false,
  required: ["name", "target"],
  properties: {
    name: {
      type: "string",
      pattern: "^[a-z0-9][a-z0-9._-]*$",
      maxLength: 64,
      description: "Image name; the build writes dist/<name>/.",
      "x-hint": "use lower case letters, digits, ., - and _ (it becomes a directory name)",
    },
    description: { type: "string", description: "What this image is for." },
    target: {
      type: "object",
      additionalProperties: false,
      required: ["memory"],
      properties: {
        machine: {
          enum: ["pc"],
          description: "The machine: pc (a PC with a BIOS, as v86 and QEMU emulate).",
        },
        memory: {
          ...size,
          description: "Physical memory of the machine, e.g. 64MiB. The components' budgets must fit in it.",
        },
      },
      description: "The machine the image boots on.",
    },
    components: {
      type: "array",
      items: instance,
      description: "Drivers, servers and libraries, each by npm package name.",
    },
    applications: {
      type: "array",
      items: instance,
      description: "The applications, each by npm package name.",
    },
    colocate: {
      type: "object",
      propertyNames: instanceName,
      additionalProperties: {
        type: "array",
        items: {
          ...instanceName,
          description: "A component's name (its `name`, or its package name without scope).",
        },
        uniqueItems: true,
        description: "Components sharing one address space, e.g. [vfs, ext2].",
      },
      description:
        "Colocation groups: each group's members run in one address space and call each other directly.",
    },
  },
} as const;
