/* Kernel "copy": a byte-at-a-time copy loop over a 4 KiB buffer (what a driver does when it
 * moves a packet or a sector between buffers without a memcpy). */
#include "common.h"

#define LENGTH 4096

static unsigned char source[LENGTH];
static unsigned char destination[LENGTH];

void setup(void)
{
    fill_random(source, LENGTH, 1);
}

int32_t run(void)
{
    for (size_t i = 0; i < LENGTH; i++)
        destination[i] = source[i];
    return destination[LENGTH - 1];
}

int32_t digest(void)
{
    return fnv1a(destination, LENGTH);
}
