// What a memory-test child does (memory-child.ts main's first argument) and the labels of its
// reports to root. Shared by the child and the root fixtures.
export const ROLE_TOUCH: u32 = 1;
export const ROLE_MAP_ON: u32 = 2;
export const ROLE_RECEIVE: u32 = 3;
export const ROLE_KERNEL_WRITE: u32 = 4;
export const ROLE_READ_ONLY: u32 = 5;
export const ROLE_NO_PAGER: u32 = 6;
export const ROLE_SURVIVOR: u32 = 7;
export const ROLE_MAP_MANY: u32 = 8;
export const ROLE_RECEIVE_MANY: u32 = 9;
