/*
 * The robot check on the C firmware loop: loads the snapshot if there is one, then for every recorded sample period
 * sets the emulated inputs (board/common/emulated_io.h) to the period's sensor counts, teaching inputs and
 * significance button, runs the period's ticks, and prints the class driven, the motor duties, the LED levels and
 * the samples learned so far; last the counters and the CRC-32 of the network's state. Each line is compared with
 * the Java firmware's transcript on a simulated board (robot.h): a difference prints a "mismatch:" line; the last
 * line is "N passed, M failed", and the exit code is 1 if M is not 0. Built with APLYSIA_INSTRUCTION_COUNTER (the
 * QEMU port) each firmware tick is measured, and it then prints "instructions: TOTAL", "cost: ..." and "json: ..."
 * with the fields board/mcu.mk adds to its JSON line. Only 32-bit conversions are printed with printf (newlib-nano
 * has no 64-bit ones).
 */
#include <stdio.h>

#include "emulated_io.h"
#include "robot.h"

#ifdef APLYSIA_INSTRUCTION_COUNTER
#include "cost.h"
#include "instruction_counter.h"

static cost ticks;
static cost checkpoint_ticks;
static cost other_ticks;
static cost periods;
static uint32_t network_steps;

static void report(void)
{
    print_u64("instructions: ", ticks.total);
    printf("\n");
    print_u64("cost: tick mean ", cost_mean(&ticks));
    print_u64(" max ", ticks.largest);
    printf(" over %lu firmware ticks (%lu network steps)", (unsigned long)ticks.count, (unsigned long)network_steps);
    print_u64(", max without a checkpoint ", other_ticks.largest);
    print_u64(", checkpoint tick max ", checkpoint_ticks.largest);
    print_u64(", sample mean ", cost_mean(&periods));
    print_u64(" max ", periods.largest);
    printf("\n");
    print_u64("json: \"instructions_per_tick_mean\":", cost_mean(&ticks));
    print_u64(",\"instructions_per_tick_max\":", ticks.largest);
    print_u64(",\"instructions_per_tick_max_without_checkpoint\":", other_ticks.largest);
    print_u64(",\"instructions_per_checkpoint_tick\":", checkpoint_ticks.largest);
    print_u64(",\"instructions_per_sample\":", cost_mean(&periods));
    print_u64(",\"instructions_per_sample_max\":", periods.largest);
    printf(",\"network\":\"robot\"\n");
}

#ifdef APLYSIA_TICK_OBSERVER
/** Counts the network's steps; the firmware ticks around them are measured by run_period. */
void ap_tick_observed(int starting)
{
    if (!starting) {
        network_steps++;
    }
}
#endif

/** Checkpoints attempted so far, saved or not. */
static uint32_t checkpoint_attempts(void)
{
    const ap_firmware_counters *c = ap_firmware_counters_of(&robot_firmware);
    return c->checkpoints + c->checkpoint_failures;
}

/** Runs one sample period, measuring every tick (apart, those that saved a checkpoint) and the period. */
static void run_period(void)
{
    uint64_t period_started = board_instructions();
    int32_t t;
    for (t = 0; t < robot_firmware.ticks_per_sample; t++) {
        uint32_t attempts = checkpoint_attempts();
        uint64_t started = board_instructions();
        uint64_t spent;
        ap_firmware_tick(&robot_firmware);
        spent = board_instructions() - started;
        cost_add(&ticks, spent);
        cost_add(checkpoint_attempts() != attempts ? &checkpoint_ticks : &other_ticks, spent);
    }
    cost_add(&periods, board_instructions() - period_started);
}
#else
static void run_period(void)
{
    int32_t t;
    for (t = 0; t < robot_firmware.ticks_per_sample; t++) {
        ap_firmware_tick(&robot_firmware);
    }
}
#endif

#define MAX_MOTORS 8
#define MAX_LEDS 8

static int32_t passed;
static int32_t failed;

/** Counts one compared line; returns whether it matched. */
static int tally(int equal)
{
    if (equal) {
        passed++;
    } else {
        failed++;
    }
    return equal;
}

/** Sets the emulated inputs to sample n's recording; 0 if every channel took its value. */
static int drive_inputs(int32_t n)
{
    const ap_firmware *f = &robot_firmware;
    int status = 0;
    int32_t i;
    for (i = 0; i < f->sensors; i++) {
        status |= emulated_set_analog(f->sensor_channels[i], robot_counts[n * f->sensors + i]) != BOARD_OK;
    }
    for (i = 0; i < f->teachers; i++) {
        status |= emulated_set_digital(f->teacher_channels[i], robot_teacher[n] == i) != BOARD_OK;
    }
    if (f->significance_channel != AP_FIRMWARE_NO_BUTTON) {
        status |= emulated_set_digital((uint8_t)f->significance_channel, robot_significance[n] != 0u) != BOARD_OK;
    }
    return status;
}

/** The outputs now: duties into duties, LED levels as bits. */
static uint8_t read_outputs(uint16_t *duties)
{
    const ap_firmware *f = &robot_firmware;
    uint8_t leds = 0u;
    int32_t i;
    for (i = 0; i < f->motors; i++) {
        duties[i] = UINT16_MAX;
        (void)emulated_pwm_duty(f->motor_channels[i], &duties[i]);
    }
    for (i = 0; i < f->leds; i++) {
        bool high = false;
        (void)emulated_digital_output(f->led_channels[i], &high);
        leds = (uint8_t)(leds | (high ? 1u << i : 0u));
    }
    return leds;
}

static void print_sample(int32_t n, int32_t decided, const uint16_t *duties, uint8_t leds, uint32_t learned)
{
    int32_t i;
    printf("sample %ld decided %ld motors", (long)n, (long)decided);
    for (i = 0; i < robot_firmware.motors; i++) {
        printf(" %u", (unsigned)duties[i]);
    }
    printf(" leds ");
    for (i = 0; i < robot_firmware.leds; i++) {
        printf("%c", (leds >> i) & 1u ? '1' : '0');
    }
    printf(" learned %lu\n", (unsigned long)learned);
}

static int expected_outputs(int32_t n, const uint16_t *duties, uint8_t leds)
{
    int equal = leds == robot_expected_leds[n];
    int32_t i;
    for (i = 0; i < robot_firmware.motors; i++) {
        equal &= duties[i] == robot_expected_duties[n * robot_firmware.motors + i];
    }
    return equal;
}

static void check_sample(int32_t n)
{
    uint16_t duties[MAX_MOTORS];
    uint8_t leds = read_outputs(duties);
    int32_t decided = ap_firmware_decided(&robot_firmware);
    uint32_t learned = ap_firmware_counters_of(&robot_firmware)->learned;
    print_sample(n, decided, duties, leds, learned);
    if (!tally(decided == robot_expected_decided[n] && expected_outputs(n, duties, leds)
            && learned == robot_expected_learned[n])) {
        printf("mismatch: ");
        print_sample(n, robot_expected_decided[n], &robot_expected_duties[n * robot_firmware.motors],
                robot_expected_leds[n], robot_expected_learned[n]);
    }
}

static void check_counters(void)
{
    const ap_firmware_counters *c = ap_firmware_counters_of(&robot_firmware);
    const uint32_t *e = robot_expected_counters;
    printf("counters samples %lu decisions %lu learned %lu significant %lu checkpoints %lu errors %lu\n",
            (unsigned long)c->samples, (unsigned long)c->decisions, (unsigned long)c->learned,
            (unsigned long)c->significant, (unsigned long)c->checkpoints, (unsigned long)c->board_errors);
    if (!tally(c->samples == e[0] && c->decisions == e[1] && c->learned == e[2] && c->significant == e[3]
            && c->checkpoints == e[4] && c->board_errors == e[5])) {
        printf("mismatch: counters expected samples %lu decisions %lu learned %lu significant %lu checkpoints %lu"
                " errors %lu\n", (unsigned long)e[0], (unsigned long)e[1], (unsigned long)e[2], (unsigned long)e[3],
                (unsigned long)e[4], (unsigned long)e[5]);
    }
}

static void check_crc(void)
{
    uint32_t crc = ap_network_state_crc32(robot_firmware.classifier->network);
    printf("crc %08lx\n", (unsigned long)crc);
    if (!tally(crc == robot_expected_crc)) {
        printf("mismatch: crc expected %08lx\n", (unsigned long)robot_expected_crc);
    }
}

/** Loads the snapshot, if there is one, into the network ap_firmware_init set up; 0 if loaded or none. */
static int load_snapshot(void)
{
    ap_snapshot_error error;
    if (robot_snapshot_size == 0u) {
        return 0;
    }
    if (ap_snapshot_decode(robot_firmware.classifier->network, &robot_layout, robot_snapshot, robot_snapshot_size,
            &error) != AP_SNAPSHOT_OK) {
        printf("snapshot refused: %s\n", error.message);
        return 1;
    }
    return 0;
}

int main(void)
{
    int32_t n;
    if (robot_firmware.motors > MAX_MOTORS || robot_firmware.leds > MAX_LEDS) {
        printf("%ld motors and %ld LEDs exceed %d and %d\n", (long)robot_firmware.motors, (long)robot_firmware.leds,
                MAX_MOTORS, MAX_LEDS);
        return 1;
    }
    if (board_init() != BOARD_OK) {
        printf("board_init failed\n");
        return 2;
    }
    ap_firmware_init(&robot_firmware);
    if (load_snapshot() != 0) {
        return 1;
    }
    for (n = 0; n < robot_sample_count; n++) {
        if (drive_inputs(n) != 0) {
            printf("sample %ld: an emulated input refused its recorded value\n", (long)n);
            return 1;
        }
        run_period();
        check_sample(n);
    }
    check_counters();
    check_crc();
#ifdef APLYSIA_INSTRUCTION_COUNTER
    report();
#endif
    printf("%ld passed, %ld failed\n", (long)passed, (long)failed);
    return failed == 0 ? 0 : 1;
}
