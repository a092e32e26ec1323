/* Kernel "mix64": 64-bit integer arithmetic — the SplitMix64 finalizer (xor-shift, 64-bit
 * multiply) applied to 512 64-bit words and accumulated, as hash tables and PRNGs do. */
#include "common.h"

#define COUNT 512

static uint64_t words[COUNT];

void setup(void)
{
    fill_random(words, sizeof words, 7);
}

static inline uint64_t mix(uint64_t x)
{
    uint64_t z = x + 0x9e3779b97f4a7c15ull;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

int32_t run(void)
{
    uint64_t accumulator = 0;
    for (size_t i = 0; i < COUNT; i++)
        accumulator = (accumulator << 7 | accumulator >> 57) + mix(words[i]);
    return (int32_t)(accumulator ^ (accumulator >> 32));
}

int32_t digest(void)
{
    return fnv1a(words, sizeof words);
}
