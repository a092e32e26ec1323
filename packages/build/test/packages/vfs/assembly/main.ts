// Stand-in file-system server (never started in the tests: nothing that needs it is built).
export function main(a: u32, b: u32, c: u32, d: u32): u32 {
  return 0;
}
