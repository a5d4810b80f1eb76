#include "cost.h"

#include <stdio.h>

void cost_add(cost *into, uint64_t spent)
{
    into->total += spent;
    into->largest = spent > into->largest ? spent : into->largest;
    into->count++;
}

uint64_t cost_mean(const cost *of)
{
    return of->count == 0u ? 0u : of->total / of->count;
}

void print_u64(const char *label, uint64_t value)
{
    uint32_t high = (uint32_t)(value / 1000000000u);
    uint32_t low = (uint32_t)(value % 1000000000u);
    if (high != 0u) {
        printf("%s%lu%09lu", label, (unsigned long)high, (unsigned long)low);
    } else {
        printf("%s%lu", label, (unsigned long)low);
    }
}
