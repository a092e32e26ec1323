// The test server's implementation of Calc (test/idl/calc.idl.ts), the same in both placements.
import * as idl from "@sawmill/idl/assembly/runtime";
import { ADDRESS_USER_MEMORY, FPAGE_RIGHT_READ } from "@sawmill/kernel/assembly/generated/layout";
import { fpage } from "@sawmill/kernel/assembly/user/memory";
import { capDelete } from "@sawmill/kernel/assembly/user/objects";
import { CALC_OUT_OF_RANGE, CALC_OVERFLOW, CalcServer } from "./calc";
import { SHARED_SIZE, shared } from "./shared";

/** The slot the server's own endpoint capability is in (server-main.ts, colocated-main.ts). */
export const CALC_SLOT: u32 = 1;
const stampPage = memory.data(4096, 4096);

export class MyCalc extends CalcServer {
  pings: u32 = 0;

  ping(): u32 {
    this.result = ++this.pings;
    return 0;
  }

  add(a: u32, b: u32): u32 {
    if (a + b < a) return CALC_OVERFLOW;
    this.result = a + b;
    return 0;
  }

  mix(a: u32, b: u32, c: u32, d: u32): u32 {
    this.result = a - b + c * d;
    return 0;
  }

  checksum(offset: u32, length: u32): u32 {
    if (offset > SHARED_SIZE || length > SHARED_SIZE - offset) return CALC_OUT_OF_RANGE;
    let sum: u32 = 0;
    for (let i: u32 = 0; i < length; i++) sum += load<u8>(shared + offset + i);
    this.result = sum;
    return 0;
  }

  manhattan(x: i32, y: i32, flip: bool): u32 {
    const length = abs(x) + abs(y);
    this.result = <u32>(flip ? -length : length);
    return 0;
  }

  sum6(a: u8, b: u16, c: u32, d: i32, e: u64): u32 {
    this.result = <u32>a + <u32>b + c + <u32>d + <u32>e + <u32>(e >>> 32);
    return 0;
  }

  adopt(endpoint: u32, tag: u32): u32 {
    this.result = endpoint * 1000 + tag;
    // Done with it: free the receive slot for the next one. (Colocated, `endpoint` is the
    // caller's own slot — one table — and stays.)
    if (endpoint != CALC_SLOT) capDelete(endpoint);
    return 0;
  }

  reset(): u32 {
    this.pings = 0;
    this.result = this.badge;
    return 0;
  }

  handle(): u32 {
    this.result = CALC_SLOT;
    return 0;
  }

  page(stamp: u32): u32 {
    if (stamp == 0) return CALC_OUT_OF_RANGE;
    store<u32>(stampPage, stamp);
    const address = ADDRESS_USER_MEMORY + <u32>stampPage;
    this.item = idl.mapItem(address);
    this.result = fpage(address, 12, FPAGE_RIGHT_READ);
    return 0;
  }

  fixed(a: u32): u32 {
    this.result = a;
    return 0;
  }
}
