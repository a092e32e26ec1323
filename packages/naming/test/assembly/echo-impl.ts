// The test's Echo service implementation, shared by the echo components.
import { EchoServer } from "./echo";

export class Echo extends EchoServer {
  increment(x: u32): u32 {
    this.result = x + 1;
    return 0;
  }

  caller(): u32 {
    this.result = this.badge;
    return 0;
  }
}
