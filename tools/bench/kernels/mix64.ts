// Kernel "mix64": 64-bit integer arithmetic — the SplitMix64 finalizer (xor-shift, 64-bit
// multiply) applied to 512 64-bit words and accumulated, as hash tables and PRNGs do.
import { fillRandom, fnv1a } from "./common";

const COUNT: usize = 512;
const words = memory.data(<i32>(COUNT * 8), 16);

export function setup(): void {
  fillRandom(words, COUNT * 8, 7);
}

function mix(x: u64): u64 {
  let z = x + 0x9e3779b97f4a7c15;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
  z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
  return z ^ (z >> 31);
}

export function run(): i32 {
  let accumulator: u64 = 0;
  for (let i: usize = 0; i < COUNT; i++) {
    accumulator = ((accumulator << 7) | (accumulator >> 57)) + mix(load<u64>(words + (i << 3)));
  }
  return <i32>(accumulator ^ (accumulator >> 32));
}

export function digest(): i32 {
  return fnv1a(words, COUNT * 8);
}
