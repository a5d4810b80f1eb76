/*
 * Rounding, saturation, wrap and widening: the C twin of Java's Fx. Java defines every shift and overflow; C99
 * leaves a right shift of a negative value implementation-defined and a left shift of one, and signed overflow,
 * undefined. So a value is moved to uint64_t/uint32_t (a conversion C defines: modulo 2^N), operated on there,
 * and converted back by hand (ap_from_u64, ap_from_u32), never by a cast of an out-of-range value.
 */
#include "aplysia.h"

#define LOG2_FRACTION 16
#define LOG2_MANTISSA_FRACTION 30

int64_t ap_from_u64(uint64_t u)
{
    if (u <= (uint64_t)INT64_MAX) {
        return (int64_t)u;
    }
    return -(int64_t)(~u) - 1;
}

int32_t ap_from_u32(uint32_t u)
{
    if (u <= (uint32_t)INT32_MAX) {
        return (int32_t)u;
    }
    return -(int32_t)(~u) - 1;
}

int64_t ap_shl64(int64_t value, int shift)
{
    return ap_from_u64((uint64_t)value << shift);
}

int64_t ap_sar64(int64_t value, int shift)
{
    if (value >= 0) {
        return value >> shift;
    }
    return -1 - ((-1 - value) >> shift);
}

int64_t ap_add64(int64_t a, int64_t b)
{
    return ap_from_u64((uint64_t)a + (uint64_t)b);
}

int64_t ap_mul64(int64_t a, int64_t b)
{
    return ap_from_u64((uint64_t)a * (uint64_t)b);
}

int32_t ap_narrow32(int64_t value)
{
    return ap_from_u32((uint32_t)((uint64_t)value & 0xFFFFFFFFu));
}

int16_t ap_narrow16(int64_t value)
{
    return (int16_t)ap_wrap(value, 16);
}

int64_t ap_saturate(int64_t value, int bits)
{
    int64_t max = ((int64_t)1 << (bits - 1)) - 1;
    int64_t min = -max - 1;
    return value > max ? max : value < min ? min : value;
}

int64_t ap_wrap(int64_t value, int bits)
{
    uint64_t mask;
    uint64_t low;
    if (bits >= 64) {
        return value;
    }
    mask = ((uint64_t)1 << bits) - 1u;
    low = (uint64_t)value & mask;
    if (low & ((uint64_t)1 << (bits - 1))) {
        low |= ~mask;
    }
    return ap_from_u64(low);
}

int32_t ap_clamp(int64_t value, int32_t min, int32_t max)
{
    return (int32_t)(value > max ? max : value < min ? min : value);
}

int64_t ap_shift_round(int64_t value, int shift)
{
    if (shift == 0) {
        return value;
    }
    return ap_sar64(ap_add64(value, (int64_t)1 << (shift - 1)), shift);
}

int64_t ap_mul_q15(int64_t a, int64_t b)
{
    return ap_shift_round(ap_mul64(a, b), 15);
}

int64_t ap_mul_q30(int64_t a, int64_t b)
{
    return ap_shift_round(ap_mul64(a, b), 30);
}

/** The index of the highest set bit of x > 0. */
static int highest_bit(uint64_t x)
{
    int bit = 0;
    while (x >>= 1) {
        bit++;
    }
    return bit;
}

int32_t ap_log2_q16(uint64_t x)
{
    int whole;
    uint64_t mantissa;
    int32_t fraction = 0;
    int bit;
    if (x < 1u) {
        return 0;
    }
    whole = highest_bit(x);
    mantissa = whole >= LOG2_MANTISSA_FRACTION ? x >> (whole - LOG2_MANTISSA_FRACTION)
            : x << (LOG2_MANTISSA_FRACTION - whole);
    for (bit = LOG2_FRACTION - 1; bit >= 0; bit--) {
        mantissa = (mantissa * mantissa) >> LOG2_MANTISSA_FRACTION;
        if (mantissa >= ((uint64_t)2 << LOG2_MANTISSA_FRACTION)) {
            fraction |= (int32_t)1 << bit;
            mantissa >>= 1;
        }
    }
    return (int32_t)whole << LOG2_FRACTION | fraction;
}

int64_t ap_decay_toward_zero64(int64_t value, int32_t decay_q16)
{
    int64_t product = ap_mul64(value, decay_q16);
    return product >= 0 ? product >> 16 : -((-product) >> 16);
}

int32_t ap_decay_toward_zero32(int32_t value, int32_t decay_q16)
{
    uint32_t negative = value < 0;
    uint32_t magnitude = negative ? 0u - (uint32_t)value : (uint32_t)value;
    uint32_t decay = (uint32_t)decay_q16;
    uint32_t scaled = (magnitude >> 16) * decay + (((magnitude & 0xFFFFu) * decay) >> 16);
    return ap_from_u32(negative ? 0u - scaled : scaled);
}

int64_t ap_stochastic_shift(int64_t value, int shift, uint32_t random16)
{
    int64_t floor = ap_sar64(value, shift);
    int64_t fraction = value - ap_shl64(floor, shift);
    int64_t threshold = shift >= 16 ? (int64_t)random16 << (shift - 16) : (int64_t)(random16 >> (16 - shift));
    return fraction > threshold ? floor + 1 : floor;
}

int64_t ap_isqrt(int64_t value)
{
    uint64_t rest;
    uint64_t root = 0;
    uint64_t bit = (uint64_t)1 << 62;
    if (value < 0) {
        return 0;
    }
    rest = (uint64_t)value;
    while (bit > rest) {
        bit >>= 2;
    }
    while (bit != 0u) {
        if (rest >= root + bit) {
            rest -= root + bit;
            root = (root >> 1) + bit;
        } else {
            root >>= 1;
        }
        bit >>= 2;
    }
    return (int64_t)root;
}
