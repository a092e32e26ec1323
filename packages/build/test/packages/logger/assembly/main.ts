// Stand-in logging server (only planned in the tests, never compiled).
export function main(a: u32, b: u32, c: u32, d: u32): u32 {
  return 0;
}
