// Test client: calls the server through slot 1 and prints the badge the server saw, then tells
// the server it is done.
import { call, getMR, makeTag } from "@sawmill/kernel/assembly/user/ipc";
import { debugPrint } from "@sawmill/kernel/assembly/user/sys";
import { printDec } from "../../assembly/console";

const SERVER: u32 = 1;
const HELLO: u32 = 1;
const DONE: u32 = 2;

export function main(a: u32, b: u32, c: u32, d: u32): u32 {
  const error = call(SERVER, makeTag(HELLO, 0, 0), 0);
  if (error != 0) {
    debugPrint("[client] call failed with error ");
    printDec(error);
    debugPrint("\n");
    return error;
  }
  debugPrint("[client] the server says I am badge ");
  printDec(getMR(0));
  debugPrint("\n");
  return call(SERVER, makeTag(DONE, 0, 0), 0);
}
