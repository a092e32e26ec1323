// An application that does not compile: a string where a number belongs.
export function main(a: u32, b: u32, c: u32, d: u32): u32 {
  const n: u32 = "four";
  return n;
}
