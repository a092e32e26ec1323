// The "shared buffer" of the checksum test: both sides fill theirs with the same pattern (mapping
// a real shared buffer between tasks is the dataspace managers' job, not the stubs').
export const SHARED_SIZE: u32 = 256;
export const shared = memory.data(256);

export function fillShared(): void {
  for (let i: u32 = 0; i < SHARED_SIZE; i++) store<u8>(shared + i, <u8>(i * 7 + 3));
}
