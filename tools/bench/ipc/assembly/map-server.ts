// The mapping server component: accepts one page per call in SERVER_WINDOW and answers with
// the page's first word (MR0), so the client can see the mapping arrived.
import { makeTag, recv, replyRecv, setBR, setMR } from "@sawmill/kernel/assembly/user/ipc";
import { fpage, PAGE_BITS, RIGHTS_RW } from "@sawmill/kernel/assembly/user/memory";
import { SERVER_WINDOW } from "./bench";

const SERVICE: u32 = 1;
const USER_MEMORY: u32 = 0x5000_0000;

export function main(a: u32, b: u32, c: u32, d: u32): u32 {
  setBR(0, fpage(SERVER_WINDOW, PAGE_BITS, RIGHTS_RW));
  recv(SERVICE, 0);
  while (true) {
    setMR(0, load<u32>(SERVER_WINDOW - USER_MEMORY));
    replyRecv(SERVICE, makeTag(1, 1, 0), 0);
  }
  return 0;
}
