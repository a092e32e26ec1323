// The console server: serves the `console` interface to applications (the client library's
// `write`) and writes through the serial driver, a client of its `serial` interface.
import { debugPrint } from "@sawmill/kernel/assembly/user/sys";
import { CONSOLE_TOO_LONG, ConsoleServer, serveConsole } from "./console";
import { SerialClient } from "./serial";
import { CONSOLE_SLOT, SERIAL_SLOT } from "./slots";

const MAX_BYTES: u32 = 12;

class Console extends ConsoleServer {
  constructor(private serial: SerialClient) {
    super();
  }

  write(count: u32, w0: u32, w1: u32, w2: u32): u32 {
    if (count > MAX_BYTES) return CONSOLE_TOO_LONG;
    const status = this.serial.put(count, w0, w1, w2);
    if (status != 0) return status;
    this.result = this.serial.result;
    return 0;
  }
}

export function main(a: u32, b: u32, c: u32, d: u32): u32 {
  const serial = new SerialClient(SERIAL_SLOT);
  if (serial.bind() != 0) {
    debugPrint("[console] cannot bind the serial driver\n");
    return 1;
  }
  return serveConsole(CONSOLE_SLOT, new Console(serial));
}
