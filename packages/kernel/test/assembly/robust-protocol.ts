// What robust-root.ts and robust-fuzzer.ts agree on: the fuzzer's final report.
export const LABEL_DONE: u32 = 0xd0e;
export const DONE_MAGIC: u32 = 0x5a5a_f00d;
