// Early returns from nested blocks and loops; if/else chains with block results.
export function firstSetNibble(x: i32): i32 {
  for (let i = 0; i < 8; i++) {
    if (((x >>> (i * 4)) & 15) != 0) {
      if (i == 3) return 300;
      return i;
    }
  }
  return -1;
}
export function classify(a: i32, b: i32): i32 {
  let r: i32;
  if (a < 0) { if (b < 0) r = 1; else r = 2; }
  else if (a == 0) r = b == 0 ? 3 : 4;
  else { r = 5; if (b > a) r += 10; if (b == a) return 99; }
  return r * 7 + (a & 3);
}
