/*
 * The plain C loops the Java core's kernels are measured against (docs/benchmarks.md): the same int16 weight rows of
 * a 64 -> 400 projection whose every input spikes every tick, the same arithmetic as the Java kernels.
 *
 *   propagate: current[j] += w[row + j]                        for every spiking row (int16 into int32)
 *   stdp rows: w = clamp(w + floor[j] + (fraction[j] > draw16(key, s)), wMin, wMax)
 *              with draw16 the lowbias32 hash of CounterRandom, for every spiking row
 *
 * Build and run:  gcc -std=c99 -O2 -o plain_loops benchmarks/src/main/c/plain_loops.c && ./plain_loops
 * It prints one line per loop: the loop, its rate (synaptic events or updates per second) and a checksum (so the
 * compiler cannot drop the work).
 */
#define _POSIX_C_SOURCE 199309L
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#define PRE 64
#define POST 400
#define TICKS 20000
#define REPEATS 5

static int16_t w[PRE * POST];
static int32_t current[POST];
static int32_t floor_[POST];
static int32_t fraction[POST];

static uint32_t mix(uint32_t x) {
    x ^= x >> 16;
    x *= 0x7FEB352DU;
    x ^= x >> 15;
    x *= 0x846CA68BU;
    x ^= x >> 16;
    return x;
}

static double seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double) t.tv_sec + t.tv_nsec * 1e-9;
}

static void propagate(void) {
    for (int i = 0; i < PRE; i++) {
        const int16_t *row = &w[i * POST];
        for (int j = 0; j < POST; j++) {
            current[j] += row[j];
        }
    }
}

static void stdp_rows(uint32_t key, int32_t w_min, int32_t w_max) {
    for (int i = 0; i < PRE; i++) {
        int row = i * POST;
        for (int j = 0; j < POST; j++) {
            int s = row + j;
            uint32_t draw = mix(key ^ (uint32_t) s * 0x9E3779B9U) >> 16;
            int32_t next = w[s] + floor_[j] + (fraction[j] > (int32_t) draw ? 1 : 0);
            w[s] = (int16_t) (next > w_max ? w_max : next < w_min ? w_min : next);
        }
    }
}

int main(void) {
    for (int s = 0; s < PRE * POST; s++) {
        w[s] = (int16_t) (mix((uint32_t) s) % 2000);
    }
    for (int j = 0; j < POST; j++) {
        floor_[j] = -1 - (int32_t) (mix((uint32_t) j + 7U) % 3);
        fraction[j] = (int32_t) (mix((uint32_t) j + 99U) >> 16);
    }
    double best_propagate = 0;
    double best_stdp = 0;
    int64_t checksum = 0;
    for (int r = 0; r < REPEATS; r++) {
        double start = seconds();
        for (int t = 0; t < TICKS; t++) {
            propagate();
            current[t % POST] = 0;
        }
        double rate = (double) TICKS * PRE * POST / (seconds() - start);
        best_propagate = rate > best_propagate ? rate : best_propagate;
        start = seconds();
        for (int t = 0; t < TICKS; t++) {
            stdp_rows(mix((uint32_t) t), -16384, 16383);
        }
        rate = (double) TICKS * PRE * POST / (seconds() - start);
        best_stdp = rate > best_stdp ? rate : best_stdp;
    }
    for (int j = 0; j < POST; j++) {
        checksum += current[j];
    }
    for (int s = 0; s < PRE * POST; s++) {
        checksum += w[s];
    }
    printf("propagate %dx%d: %.3g synaptic events/s (best of %d)\n", PRE, POST, best_propagate, REPEATS);
    printf("stdp rows %dx%d: %.3g synapse updates/s (best of %d)\n", PRE, POST, best_stdp, REPEATS);
    printf("checksum %lld\n", (long long) checksum);
    return 0;
}
