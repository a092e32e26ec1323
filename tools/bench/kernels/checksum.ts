// Kernel "checksum": the Internet checksum (RFC 1071) of a 4 KiB buffer — 16-bit one's
// complement sum with a 32-bit accumulator, folded at the end, as IP/UDP/TCP stacks compute it.
import { fillRandom, fnv1a } from "./common";

const LENGTH: usize = 4096;
const packet = memory.data(<i32>LENGTH, 16);

export function setup(): void {
  fillRandom(packet, LENGTH, 2);
}

export function run(): i32 {
  let sum: u32 = 0;
  for (let p = packet, end = packet + LENGTH; p < end; p += 2) {
    sum += load<u16>(p);
  }
  while (sum >> 16) {
    sum = (sum & 0xffff) + (sum >> 16);
  }
  return <i32>(~sum & 0xffff);
}

export function digest(): i32 {
  return fnv1a(packet, LENGTH);
}
