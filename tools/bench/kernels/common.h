/* Shared helpers for the C benchmark kernels (gcc -O2 -m32 -ffreestanding).
 * Mirrors common.ts exactly: the same generator and the same digest give the same bytes and
 * values on both sides, which is how the harness checks that both versions did the same work. */
#ifndef BENCH_COMMON_H
#define BENCH_COMMON_H

#include <stddef.h>
#include <stdint.h>

/* Fills `length` bytes at `ptr` from a 32-bit LCG (Numerical Recipes constants), top byte first. */
static inline void fill_random(void *ptr, size_t length, uint32_t seed)
{
    unsigned char *bytes = ptr;
    uint32_t state = seed;
    for (size_t i = 0; i < length; i++) {
        state = state * 1664525u + 1013904223u;
        bytes[i] = (unsigned char)(state >> 24);
    }
}

/* FNV-1a over `length` bytes: the unmeasured digest of a kernel's memory after the run. */
static inline int32_t fnv1a(const void *ptr, size_t length)
{
    const unsigned char *bytes = ptr;
    uint32_t hash = 2166136261u;
    for (size_t i = 0; i < length; i++)
        hash = (hash ^ bytes[i]) * 16777619u;
    return (int32_t)hash;
}

/* Every kernel exports these three (cdecl, like the AssemblyScript exports). */
void setup(void);
int32_t run(void);
int32_t digest(void);

#endif
