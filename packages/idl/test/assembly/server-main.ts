// Separate placement, server component: serves Calc on slot 1, capabilities arrive in slot 20.
import { debugPrint } from "@sawmill/kernel/assembly/user/sys";
import { serveCalc } from "./calc";
import { MyCalc } from "./calc-impl";
import { fillShared } from "./shared";

export function main(a: u32, b: u32, c: u32, d: u32): u32 {
  fillShared();
  debugPrint("[calc] serving\n");
  return serveCalc(1, new MyCalc(), 20);
}
