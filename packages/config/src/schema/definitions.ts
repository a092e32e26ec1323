/**
 * Schema pieces shared by the image-configuration schema and the component-manifest schema.
 *
 * Layer: configurator (host). Interface: JSON Schema fragments (draft-07), plain data.
 * Invariant: every fragment carries a `description` (editors show it; error hints quote it) and an
 * `x-hint` where the JSON Schema keyword alone would not say what to write.
 */

/** A memory size with its unit, e.g. `64KiB` or `4 MiB`: sizes are always written with a unit. */
export const size = {
  type: "string",
  pattern: "^[1-9][0-9]* ?(KiB|MiB)$",
  description: "A size with its unit: KiB or MiB, a multiple of 4 KiB (one page), e.g. 64KiB or 2MiB.",
  "x-hint": "write a size with its unit, e.g. 64KiB or 2MiB",
} as const;

/** Legacy PC interrupt lines: the root task hands out lines 0–15. */
export const irq = {
  type: "integer",
  minimum: 0,
  maximum: 15,
  description: "An interrupt line of the PC's interrupt controllers, 0–15 (COM1 is 4, COM2 is 3).",
} as const;

export const irqList = {
  type: "array",
  items: irq,
  uniqueItems: true,
  description: "Interrupt lines, e.g. [4].",
} as const;

export const portRange = {
  type: "object",
  additionalProperties: false,
  required: ["base", "count"],
  properties: {
    base: {
      type: "integer",
      minimum: 0,
      maximum: 0xffff,
      description: "First I/O port, 0–0xFFFF (YAML accepts hex: 0x3f8).",
    },
    count: {
      type: "integer",
      minimum: 1,
      maximum: 0x10000,
      description: "Number of consecutive ports, at least 1 (a 16550 UART uses 8).",
    },
  },
  description: "A range of I/O ports, e.g. { base: 0x3f8, count: 8 }.",
} as const;

export const portRangeList = {
  type: "array",
  items: portRange,
  description: "I/O port ranges, e.g. [{ base: 0x3f8, count: 8 }].",
} as const;

/**
 * The root task runs at priority 100 (ROOT_PRIORITY in packages/kernel/assembly/root-task.ts) and
 * the kernel lets a thread give at most its own priority, so components get 0–100.
 */
export const MAX_PRIORITY = 100;

export const priority = {
  type: "integer",
  minimum: 0,
  maximum: MAX_PRIORITY,
  description:
    "Scheduling priority, 0 (lowest) to 100 (the root task's own, the most it can give); higher runs first.",
} as const;

/** npm package names, scoped or not (lower case, no spaces). */
export const packageName = {
  type: "string",
  pattern: "^(@[a-z0-9][a-z0-9._~-]*/)?[a-z0-9][a-z0-9._~-]*$",
  description: 'The npm package name of the component, e.g. "@sawmill/uart".',
  "x-hint": 'write an npm package name such as "@sawmill/uart" (lower case, no spaces)',
} as const;

/** Names that end up as boot-archive entry names (1–31 bytes) and in messages. */
export const instanceName = {
  type: "string",
  pattern: "^[a-z][a-z0-9_-]*$",
  maxLength: 31,
  description: "A name for this instance: lower case letters, digits, - and _, at most 31 characters.",
  "x-hint": "use lower case letters, digits, - and _, starting with a letter (at most 31 characters)",
} as const;

export const interfaceName = {
  type: "string",
  pattern: "^[A-Za-z][A-Za-z0-9_.-]*$",
  description: 'An interface name, e.g. "console" or "serial".',
  "x-hint": "an interface name is a letter followed by letters, digits, _, . or -",
} as const;

export const syscallName = {
  type: "string",
  pattern: "^[a-z_][a-z0-9_]*$",
  description: 'A system call of the client library, e.g. "write", "exit", "open".',
  "x-hint": "a system call is a lower-case C identifier such as write or exit",
} as const;
