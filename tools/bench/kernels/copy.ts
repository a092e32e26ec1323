// Kernel "copy": a byte-at-a-time copy loop over a 4 KiB buffer (what a driver does when it
// moves a packet or a sector between buffers without a memcpy).
import { fillRandom, fnv1a } from "./common";

const LENGTH: usize = 4096;
const source = memory.data(<i32>LENGTH, 16);
const destination = memory.data(<i32>LENGTH, 16);

export function setup(): void {
  fillRandom(source, LENGTH, 1);
}

export function run(): i32 {
  for (let i: usize = 0; i < LENGTH; i++) {
    store<u8>(destination + i, load<u8>(source + i));
  }
  return load<u8>(destination + LENGTH - 1);
}

export function digest(): i32 {
  return fnv1a(destination, LENGTH);
}
