// Sieve of Eratosthenes over a byte array: count of primes below n.
const SIEVE = memory.data(65536);
export function primesBelow(n: i32): i32 {
  const limit = n & 0xffff;
  memory.fill(SIEVE, 1, <usize>limit);
  let count = 0;
  for (let i = 2; i < limit; i++) {
    if (load<u8>(SIEVE + <usize>i)) {
      count++;
      if (i <= limit / i) for (let j = i * i; j < limit; j += i) store<u8>(SIEVE + <usize>j, 0);
    }
  }
  return count;
}
