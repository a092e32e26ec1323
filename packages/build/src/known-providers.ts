/**
 * Which package provides a client-library call, for the hint of a missing-provider error.
 *
 * Layer: configurator (host). Interface: `knownProvider(call)` → npm package name or undefined.
 * The authority is the configured components' `provides.syscalls`; this table only says what to
 * add when nothing configured provides a call.
 */

const PROVIDERS: Readonly<Record<string, string>> = {
  write: "@sawmill/console",
  exit: "@sawmill/libc",
  open: "@sawmill/vfs",
  close: "@sawmill/vfs",
  read: "@sawmill/vfs",
  stat: "@sawmill/vfs",
  mkdir: "@sawmill/vfs",
  unlink: "@sawmill/vfs",
  socket: "@sawmill/ipstack",
  bind: "@sawmill/ipstack",
  connect: "@sawmill/ipstack",
  send: "@sawmill/ipstack",
  recv: "@sawmill/ipstack",
};

export function knownProvider(call: string): string | undefined {
  return Object.hasOwn(PROVIDERS, call) ? PROVIDERS[call] : undefined;
}
