// A dense switch (br_table) with a default, fallthrough-free cases and out-of-range indices.
export function dayKind(d: i32): i32 {
  switch (d) {
    case 0: return 100;
    case 1: return 101;
    case 2: return 202;
    case 3: return 303;
    case 4: return 404;
    case 5: return -5;
    case 6: return -6;
    case 7: return 777;
    case 8: return 8;
    case 9: return 99;
    case 10: return 1010;
    case 11: return 11;
    default: return -1;
  }
}
export function sparse(d: i32): i32 {
  switch (d) {
    case -3: return 1;
    case 0: return 2;
    case 100: return 3;
    case 0x7fffffff: return 4;
    case -0x80000000: return 5;
    default: return 0;
  }
}
export function interpret(program: i32, steps: i32): i32 {
  let acc = 1, pc = program;
  for (let i = 0; i < (steps & 63); i++) {
    switch ((pc >>> ((i & 7) * 4)) & 7) {
      case 0: acc += 3; break;
      case 1: acc *= 5; break;
      case 2: acc ^= acc >>> 3; break;
      case 3: acc -= i; break;
      case 4: pc = rotl<i32>(pc, 3); break;
      case 5: acc = ~acc; break;
      default: acc += pc & 0xff;
    }
  }
  return acc;
}
