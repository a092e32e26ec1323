/* Kernel "checksum": the Internet checksum (RFC 1071) of a 4 KiB buffer — 16-bit one's
 * complement sum with a 32-bit accumulator, folded at the end, as IP/UDP/TCP stacks compute it. */
#include "common.h"

#define LENGTH 4096

static uint16_t packet[LENGTH / 2];

void setup(void)
{
    fill_random(packet, LENGTH, 2);
}

int32_t run(void)
{
    uint32_t sum = 0;
    for (const uint16_t *p = packet, *end = packet + LENGTH / 2; p < end; p++)
        sum += *p;
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    return (int32_t)(~sum & 0xffff);
}

int32_t digest(void)
{
    return fnv1a(packet, LENGTH);
}
