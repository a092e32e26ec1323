// The hello application: writes a line to the console through the client library and exits.
// Its libc imports (write, exit) are all the system calls its image gets.
import { exit, puts } from "@sawmill/libc/assembly/index";

export function main(a: u32, b: u32, c: u32, d: u32): u32 {
  puts("Hello from SawMill\n");
  exit(0);
  return 0;
}
