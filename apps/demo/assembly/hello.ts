// The demo program: greets, then shows a little real computation done by compiled x86 code.
import { putNumber, putString } from "./serial";

function isPrime(n: u32): bool {
  if (n < 2) return false;
  for (let d: u32 = 2; d * d <= n; d++) if (n % d == 0) return false;
  return true;
}

function fibonacci(n: i32): u64 {
  let a: u64 = 0;
  let b: u64 = 1;
  for (let i = 0; i < n; i++) {
    const next = a + b;
    a = b;
    b = next;
  }
  return a;
}

export function main(): i32 {
  putString("Hello from SawMill! AssemblyScript, compiled to IA-32 by @sawmill/wasm-x86.\n");
  putString("primes below 60:");
  for (let n: u32 = 0; n < 60; n++) {
    if (isPrime(n)) {
      putString(" ");
      putNumber(n);
    }
  }
  putString("\nfibonacci(90) = ");
  putNumber(fibonacci(90));
  putString("\n");
  return 0;
}
