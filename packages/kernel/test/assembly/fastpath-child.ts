// The client of the fast path's two-address-space test (fastpath-space-root.ts): 1000 calls of
// 0–5 words to root through its report capability (slot 1, badge n), every 50th with a reply
// timeout (the slow path's case); then one DONE call with MR0 = checksum, MR1 = first failure.
import { call, getMR, makeTag, receivedTag, setMR, tagLabel, tagWords, timeouts } from "@sawmill/kernel/assembly/user/ipc";

const ROOT: u32 = 1;
const ROUND_TRIPS: u32 = 1000;
const DONE_LABEL: u32 = 0xd0e;

export function main(role: u32, a: u32, b: u32, badge: u32): u32 {
  let checksum: u32 = 0;
  let failure: u32 = 0;
  for (let i: u32 = 0; i < ROUND_TRIPS && failure == 0; i++) {
    const words = i % 6;
    for (let k: u32 = 0; k < words; k++) setMR(k, i * 7 + k);
    const limits = i % 50 == 49 ? timeouts(0, 1000) : 0;
    if (call(ROOT, makeTag(i & 0xfff, words, 0), limits) != 0) failure = 0x10;
    const tag = receivedTag();
    if (tagLabel(tag) != (i & 0xfff) + 1 || tagWords(tag) != words) failure = 0x11;
    for (let k: u32 = 0; k < words; k++) {
      if (getMR(k) != (i * 7 + k) * 3 + k + badge) failure = 0x12;
      checksum = checksum * 31 + getMR(k);
    }
    checksum = checksum * 31 + tag;
  }
  setMR(0, checksum);
  setMR(1, failure);
  call(ROOT, makeTag(DONE_LABEL, 2, 0), 0);
  return 0;
}
