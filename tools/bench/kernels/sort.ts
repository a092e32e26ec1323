// Kernel "sort": insertion sort of 256 signed 32-bit keys in place (the sort small embedded
// code uses for run queues and timer lists).
import { fillRandom, fnv1a } from "./common";

const COUNT: i32 = 256;
const keys = memory.data(COUNT * 4, 16);

export function setup(): void {
  fillRandom(keys, COUNT * 4, 4);
}

export function run(): i32 {
  for (let i = 1; i < COUNT; i++) {
    const key = load<i32>(keys + ((<usize>i) << 2));
    let j = i - 1;
    while (j >= 0 && load<i32>(keys + ((<usize>j) << 2)) > key) {
      store<i32>(keys + ((<usize>(j + 1)) << 2), load<i32>(keys + ((<usize>j) << 2)));
      j--;
    }
    store<i32>(keys + ((<usize>(j + 1)) << 2), key);
  }
  return load<i32>(keys) ^ load<i32>(keys + <usize>(COUNT - 1) * 4);
}

export function digest(): i32 {
  return fnv1a(keys, COUNT * 4);
}
