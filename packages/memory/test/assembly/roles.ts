// The memory test's system (root.ts starts it): which child is which, the slots root fills in
// each child's table, and the addresses the children attach things at. A child's role is its
// number (main's first argument); every badge root mints for it — its pager and exception
// handler capability, its capabilities at the managers — is that number.
export const ANON: u32 = 1;
export const STACKED: u32 = 2;
export const CLIENT: u32 = 3;
export const CONSUMER: u32 = 4;
export const CHILDREN: u32 = 4;

/** Root, badged: the child's pager and exception handler, and its region mapper's fallback. */
export const SLOT_ROOT: u32 = 1;
/** The child's own task (WRITE): it starts its own threads. */
export const SLOT_TASK: u32 = 2;
/** The endpoint the child serves: dataspace protocol, region mapper (client) or channel (consumer). */
export const SLOT_SERVE: u32 = 3;
/** Stacked manager: its region mapper's endpoint. Client and consumer: the stacked manager. */
export const SLOT_MAPPER: u32 = 4;
export const SLOT_STACKED: u32 = 4;
/** The anonymous manager (stacked manager and client). */
export const SLOT_ANON: u32 = 5;
/** Client: the channel to the consumer (send, grant). */
export const SLOT_CHANNEL: u32 = 6;

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

/** The faults the run must report to root, one per address; root ends the run when all came. */
export const EXPECTED_FAULTS: StaticArray<u32> = [SHARED_RO + 8, UNATTACHED, INBOX + 8, DETACHED, TRANSFERRED];
