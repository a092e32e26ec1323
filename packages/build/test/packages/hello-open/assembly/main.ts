// hello plus one open: its image needs a file-system server.
import { exit, open, puts } from "@sawmill/libc/assembly/index";

export function main(a: u32, b: u32, c: u32, d: u32): u32 {
  puts("Hello from SawMill\n");
  const fd = open(0, 0);
  exit(fd < 0 ? 1 : 0);
  return 0;
}
