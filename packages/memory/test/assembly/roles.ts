// What a memory-package test child does (main's first argument), shared by child and root.
export const ROLE_ANON: u32 = 1;
export const ROLE_STACKED: u32 = 2;
export const ROLE_CLIENT: u32 = 3;
export const ROLE_CONSUMER: u32 = 4;
/** A child's capability slots, given by root: its pager and exception handler (root, badged). */
export const SLOT_ROOT: u32 = 1;
export const SLOT_TASK: u32 = 2;
/** The endpoint it serves: dataspace protocol (managers) or region mapper (client). */
export const SLOT_SERVE: u32 = 3;
/** Stacked manager: its region mapper's endpoint. Client: the stacked manager. */
export const SLOT_FOUR: u32 = 4;
/** The anonymous manager (stacked manager and client). */
export const SLOT_ANON: u32 = 5;
/** Client: the channel to the consumer (send, grant). Consumer: the channel (receive) is SLOT_SERVE. */
export const SLOT_CHANNEL: u32 = 6;
/** Where the consumer accepts buffers. */
export const INBOX: u32 = 0xa000_0000;
/** Where the client attaches things. */
export const PAGED: u32 = 0x8000_0000;
export const SHARED_RW: u32 = 0x8400_0000;
export const SHARED_RO: u32 = 0x8800_0000;
export const UNATTACHED: u32 = 0x9000_0000;
export const MANAGED_END: u32 = 0xa000_0000;
