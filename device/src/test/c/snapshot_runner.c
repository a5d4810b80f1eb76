/*
 * Runs one crossover case on the C core as a script of commands, each a word and an argument:
 *   load FILE   decodes a snapshot into the network (on refusal prints "refused CODE section INDEX: MESSAGE")
 *   run TICKS   applies the case's recorded stimulus and steps that many ticks
 *   save FILE   encodes the network's snapshot
 * Usage: snapshot_runner CASE COMMAND ARGUMENT ...; the network starts freshly built. Exits non-zero on an I/O
 * error or a bad command, 0 otherwise (a refused snapshot is a result, not an error).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crossover.h"

#define MAX_SNAPSHOT_BYTES (1u << 20)

static uint8_t buffer[MAX_SNAPSHOT_BYTES];

static void run(const crossover_case *c, long ticks)
{
    long t;
    int32_t k;
    for (t = 0; t < ticks; t++) {
        uint64_t next = c->network->state->tick + 1u;
        for (k = 0; k < c->action_count; k++) {
            if ((uint64_t)c->actions[k].tick == next) {
                golden_apply(c->network, &c->actions[k]);
            }
        }
        ap_network_step(c->network);
    }
}

static int load(const crossover_case *c, const char *path)
{
    ap_snapshot_error error;
    FILE *in = fopen(path, "rb");
    size_t size;
    if (in == NULL) {
        fprintf(stderr, "cannot open %s\n", path);
        return 1;
    }
    size = fread(buffer, 1, MAX_SNAPSHOT_BYTES, in);
    fclose(in);
    if (ap_snapshot_decode(c->network, c->layout, buffer, (uint32_t)size, &error) != AP_SNAPSHOT_OK) {
        printf("refused %d section %ld index %ld: %s\n", error.code, (long)error.section, (long)error.index,
                error.message);
    }
    return 0;
}

static int save(const crossover_case *c, const char *path)
{
    uint32_t size = ap_snapshot_size(c->layout);
    FILE *out;
    if (ap_snapshot_encode(c->network, c->layout, buffer, MAX_SNAPSHOT_BYTES) != AP_SNAPSHOT_OK) {
        fprintf(stderr, "snapshot of %lu bytes does not fit\n", (unsigned long)size);
        return 1;
    }
    out = fopen(path, "wb");
    if (out == NULL || fwrite(buffer, 1, size, out) != size) {
        fprintf(stderr, "cannot write %s\n", path);
        return 1;
    }
    return fclose(out) != 0;
}

int main(int argc, char **argv)
{
    const crossover_case *c;
    int a;
    int failed = 0;
    if (argc < 2 || atoi(argv[1]) < 0 || atoi(argv[1]) >= crossover_case_count || argc % 2 != 0) {
        fprintf(stderr, "usage: %s CASE (load FILE | run TICKS | save FILE)...\n", argv[0]);
        return 2;
    }
    c = crossover_cases[atoi(argv[1])];
    ap_network_init(c->network);
    for (a = 2; a + 1 < argc && !failed; a += 2) {
        if (strcmp(argv[a], "load") == 0) {
            failed = load(c, argv[a + 1]);
        } else if (strcmp(argv[a], "run") == 0) {
            run(c, atol(argv[a + 1]));
        } else if (strcmp(argv[a], "save") == 0) {
            failed = save(c, argv[a + 1]);
        } else {
            fprintf(stderr, "unknown command %s\n", argv[a]);
            failed = 2;
        }
    }
    return failed;
}
