/* Kernel "list": walks a singly linked list of 1024 nodes whose links were shuffled in setup,
 * summing the payloads (a run-queue or free-list walk: one dependent load per step). */
#include "common.h"

#define COUNT 1024

struct node {
    struct node *next;
    int32_t value;
};

static struct node nodes[COUNT];
static uint32_t order[COUNT];
static struct node *head;

void setup(void)
{
    uint32_t state = 6;
    for (uint32_t i = 0; i < COUNT; i++)
        order[i] = i;
    /* Fisher–Yates shuffle of the visiting order. */
    for (uint32_t i = COUNT - 1; i > 0; i--) {
        state = state * 1664525u + 1013904223u;
        uint32_t j = (state >> 8) % (i + 1);
        uint32_t t = order[i];
        order[i] = order[j];
        order[j] = t;
    }
    struct node *previous = 0;
    for (uint32_t i = 0; i < COUNT; i++) {
        state = state * 1664525u + 1013904223u;
        struct node *node = &nodes[order[i]];
        node->value = (int32_t)(state >> 16);
        node->next = 0;
        if (previous)
            previous->next = node;
        else
            head = node;
        previous = node;
    }
}

int32_t run(void)
{
    int32_t sum = 0, count = 0;
    for (struct node *node = head; node; node = node->next) {
        sum += node->value;
        count++;
    }
    return sum ^ (count << 20);
}

int32_t digest(void)
{
    /* Links are addresses and differ between the two images: hash payloads and visiting order. */
    int32_t hash = fnv1a(order, sizeof order);
    for (uint32_t i = 0; i < COUNT; i++)
        hash = hash * 31 + nodes[i].value;
    return hash;
}
