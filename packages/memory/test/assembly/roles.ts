// The memory test's system: the real root task starts it from the boot manifest
// test/memory.test.ts writes with the same numbers. Which component is which (manifest index;
// every badge root mints for a component is its index + 1), the slots its grants fill, and the
// addresses the client and consumer attach things at.
export const ANON: u32 = 0;
export const STACKED: u32 = 1;
export const CLIENT: u32 = 2;
export const CONSUMER: u32 = 3;
export const MONITOR: u32 = 4;

export function badgeOf(index: u32): u32 {
  return index + 1;
}

/** The endpoint the component serves: dataspace protocol, region mapper (client), channel (consumer) or exceptions (monitor). */
export const SLOT_SERVE: u32 = 1;
/** Stacked manager: its region mapper's endpoint. Client and consumer: the stacked manager. */
export const SLOT_MAPPER: u32 = 2;
export const SLOT_STACKED: u32 = 2;
/** The anonymous manager (stacked manager and client). */
export const SLOT_ANON: u32 = 3;
/** Client: the channel to the consumer (send, grant). */
export const SLOT_CHANNEL: u32 = 4;
/** The monitor, every component's exception handler (badged). */
export const SLOT_MONITOR: u32 = 5;
/** Consumer: an endpoint nobody sends to, where its first thread waits for good. */
export const SLOT_PARK: u32 = 6;

/** The client's managed range and what it attaches there. */
export const PAGED: u32 = 0x8000_0000;
export const SHARED_RW: u32 = 0x8400_0000;
export const SHARED_RO: u32 = 0x8800_0000;
export const FILLERS: u32 = 0x8c00_0000;
export const UNATTACHED: u32 = 0x9000_0000;
export const REUSED: u32 = 0x9400_0000;
export const DETACHED: u32 = 0x9800_0000;
export const TRANSFERRED: u32 = 0x9c00_0000;
export const MANAGED_END: u32 = 0xa000_0000;
/** Where the consumer accepts buffers: the read-only share, then the transferred one. */
export const INBOX: u32 = 0xa000_0000;

/** The faults the run must report, one per address; the monitor ends the run when all came. */
export const EXPECTED_FAULTS: StaticArray<u32> = [SHARED_RO + 8, UNATTACHED, INBOX + 8, DETACHED, TRANSFERRED];
