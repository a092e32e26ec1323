/* Kernel "sort": insertion sort of 256 signed 32-bit keys in place (the sort small embedded
 * code uses for run queues and timer lists). */
#include "common.h"

#define COUNT 256

static int32_t keys[COUNT];

void setup(void)
{
    fill_random(keys, sizeof keys, 4);
}

int32_t run(void)
{
    for (int i = 1; i < COUNT; i++) {
        int32_t key = keys[i];
        int j = i - 1;
        while (j >= 0 && keys[j] > key) {
            keys[j + 1] = keys[j];
            j--;
        }
        keys[j + 1] = key;
    }
    return keys[0] ^ keys[COUNT - 1];
}

int32_t digest(void)
{
    return fnv1a(keys, sizeof keys);
}
