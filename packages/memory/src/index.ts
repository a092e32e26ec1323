// Host side of @sawmill/memory: the dataspace protocol's numbers, shared with the
// AssemblyScript side (assembly/dataspace.ts keeps the same values, test/protocol.test.ts checks).
// Layer: user-level memory management above the kernel's map items.

/** Request labels of the dataspace protocol (README "Protocol"). */
export const DataspaceLabel = { OPEN: 1, MAP: 2, SIZE: 3, CLOSE: 4, TRANSFER: 5 } as const;

/** Reply labels: 0 OK, else an error. */
export const DataspaceStatus = {
  OK: 0,
  NO_MEMORY: 0x20,
  BAD_DATASPACE: 0x21,
  OUT_OF_RANGE: 0x22,
  NOT_OWNER: 0x23,
} as const;

/** The assembly directory, for builds that compile managers or clients. */
export const ASSEMBLY_DIR = new URL("../assembly/", import.meta.url);
