/*
 * Snapshots in the byte format of Java's SnapshotCodec, version 3 (big-endian):
 *   magic "APLY" | version u16 | reserved u16 | fingerprint u64 | tick u64 | identity block
 *   | sections u32 | per section: name (u16 length + bytes), kind u8, count u32, values | crc32 u32
 * The sections follow Java's Network.visitState: the scalars (tick high and low word, modulator, learning switch),
 * per population its membranes, adaptive thresholds, excitability, refractory counters, traces, event-driven trace
 * ages (ticks since the write), receptor variables and a Poisson source's ticks to each input's next spike, per
 * projection its weights, eligibility and consolidation, and last the baselines. The fingerprint, the identity, the
 * section names and every value's range come from the Java network (CSnapshotTables). Decoding checks the whole
 * snapshot before it writes the first value.
 */
#include "aplysia.h"

#define VERSION 3u
#define PREFIX_BYTES 24u
#define TICK_OFFSET 16u
#define SCALARS 4

/** How a section's values relate to the state they stand for. */
#define VIEW_SCALARS 0u
#define VIEW_VALUES 1u
#define VIEW_TRACE_AGES 2u
#define VIEW_TICKS_TO_SPIKE 3u
#define VIEW_BASELINES 4u

/** One section of the state: where its values live and how to read them. */
typedef struct {
    uint8_t role;
    int32_t *ints;
    int16_t *shorts;
    const ap_population *population;
    int32_t count;
} state_view;

/** A cursor over a byte buffer that notes reading or writing past its end. */
typedef struct {
    uint8_t *out;
    const uint8_t *in;
    uint32_t size;
    uint32_t at;
    uint8_t overrun;
} cursor;

/* ---- CRC-32 (IEEE, as java.util.zip.CRC32), a nibble at a time ---- */

static const uint32_t CRC_NIBBLES[16] = {
    0x00000000u, 0x1DB71064u, 0x3B6E20C8u, 0x26D930ACu, 0x76DC4190u, 0x6B6B51F4u, 0x4DB26158u, 0x5005713Cu,
    0xEDB88320u, 0xF00F9344u, 0xD6D6A3E8u, 0xCB61B38Cu, 0x9B64C2B0u, 0x86D3D2D4u, 0xA00AE278u, 0xBDBDF21Cu
};

static uint32_t crc32(const uint8_t *bytes, uint32_t size)
{
    uint32_t crc = 0xFFFFFFFFu;
    uint32_t k;
    for (k = 0; k < size; k++) {
        crc ^= bytes[k];
        crc = (crc >> 4) ^ CRC_NIBBLES[crc & 15u];
        crc = (crc >> 4) ^ CRC_NIBBLES[crc & 15u];
    }
    return crc ^ 0xFFFFFFFFu;
}

/* ---- big-endian reading and writing ---- */

static int has_room(cursor *c, uint32_t bytes)
{
    if (c->overrun || c->size - c->at < bytes) {
        c->overrun = 1u;
        return 0;
    }
    return 1;
}

static void put(cursor *c, uint64_t value, uint32_t bytes)
{
    uint32_t k;
    if (!has_room(c, bytes)) {
        return;
    }
    for (k = 0; k < bytes; k++) {
        c->out[c->at + k] = (uint8_t)(value >> (8u * (bytes - 1u - k)));
    }
    c->at += bytes;
}

static uint64_t get(cursor *c, uint32_t bytes)
{
    uint64_t value = 0u;
    uint32_t k;
    if (!has_room(c, bytes)) {
        return 0u;
    }
    for (k = 0; k < bytes; k++) {
        value = (value << 8) | c->in[c->at + k];
    }
    c->at += bytes;
    return value;
}

/** A signed big-endian value of bytes bytes (2 or 4), sign-extended without an out-of-range conversion. */
static int32_t get_signed(cursor *c, uint32_t bytes)
{
    uint32_t raw = (uint32_t)get(c, bytes);
    return bytes == AP_SNAPSHOT_INT16 ? (int32_t)ap_narrow16((int64_t)raw) : ap_from_u32(raw);
}

static uint32_t name_length(const char *name)
{
    uint32_t n = 0u;
    while (name[n] != '\0') {
        n++;
    }
    return n;
}

/* ---- error messages, without library calls ---- */

static void append(ap_snapshot_error *error, const char *text)
{
    uint32_t at = name_length(error->message);
    while (*text != '\0' && at + 1u < AP_SNAPSHOT_MESSAGE_BYTES) {
        error->message[at++] = *text++;
    }
    error->message[at] = '\0';
}

static void append_number(ap_snapshot_error *error, int64_t value)
{
    char digits[21];
    int n = 0;
    uint64_t magnitude = value < 0 ? 0u - (uint64_t)value : (uint64_t)value;
    char text[23];
    int k = 0;
    do {
        digits[n++] = (char)('0' + (int)(magnitude % 10u));
        magnitude /= 10u;
    } while (magnitude != 0u);
    if (value < 0) {
        text[k++] = '-';
    }
    while (n > 0) {
        text[k++] = digits[--n];
    }
    text[k] = '\0';
    append(error, text);
}

static int refuse(ap_snapshot_error *error, int code, int32_t section, int32_t index, const char *text)
{
    error->code = code;
    error->section = section;
    error->index = index;
    error->message[0] = '\0';
    append(error, text);
    return code;
}

/* ---- the state's sections, in Java's visit order ---- */

typedef int (*section_visitor)(void *context, int32_t section, const state_view *view);

static int visit(section_visitor visitor, void *context, int32_t *section, uint8_t role, int32_t *ints,
        int16_t *shorts, const ap_population *population, int32_t count)
{
    state_view view;
    view.role = role;
    view.ints = ints;
    view.shorts = shorts;
    view.population = population;
    view.count = count;
    return visitor(context, (*section)++, &view);
}

static int visit_population(const ap_population *p, section_visitor visitor, void *context, int32_t *section)
{
    ap_population_state *s = p->state;
    int32_t r;
    int failed = 0;
    if (p->lif) {
        failed = failed || visit(visitor, context, section, VIEW_VALUES, s->v, NULL, p, p->size);
        failed = failed || visit(visitor, context, section, VIEW_VALUES, s->adapt, NULL, p, p->size);
        failed = failed || visit(visitor, context, section, VIEW_VALUES, s->bias, NULL, p, p->size);
        failed = failed || visit(visitor, context, section, VIEW_VALUES, NULL, s->refractory, p, p->size);
    }
    failed = failed || visit(visitor, context, section, VIEW_VALUES, s->trace, NULL, p, p->size);
    if (p->trace.event_driven) {
        failed = failed || visit(visitor, context, section, VIEW_TRACE_AGES, s->trace_written, NULL, p, p->size);
    }
    for (r = 0; r < p->receptor_count; r++) {
        failed = failed || visit(visitor, context, section, VIEW_VALUES, s->receptor_g + r * p->size, NULL, p,
                p->size);
    }
    if (p->poisson != NULL) {
        failed = failed || visit(visitor, context, section, VIEW_TICKS_TO_SPIKE, s->due, NULL, p, p->size);
    }
    return failed;
}

/** Calls visitor on every section in order; stops at the first that returns non-zero and returns that. */
static int visit_state(const ap_network *network, section_visitor visitor, void *context)
{
    int32_t section = 0;
    int32_t k;
    int failed = visit(visitor, context, &section, VIEW_SCALARS, NULL, NULL, NULL, SCALARS);
    for (k = 0; k < network->population_count && !failed; k++) {
        failed = visit_population(&network->populations[k], visitor, context, &section);
    }
    for (k = 0; k < network->projection_count && !failed; k++) {
        const ap_projection *projection = &network->projections[k];
        int32_t synapses = network->populations[projection->pre].size
                * network->populations[projection->post].size;
        ap_projection_state *s = projection->state;
        failed = visit(visitor, context, &section, VIEW_VALUES, NULL, s->weights, NULL, synapses);
        if (s->eligibility != NULL) {
            failed = failed || visit(visitor, context, &section, VIEW_VALUES, NULL, s->eligibility, NULL, synapses);
        }
        if (s->consolidation != NULL) {
            failed = failed || visit(visitor, context, &section, VIEW_VALUES, NULL, s->consolidation, NULL,
                    synapses);
        }
    }
    if (!failed) {
        failed = visit(visitor, context, &section, VIEW_BASELINES, NULL, NULL, NULL, network->projection_count);
    }
    return failed;
}

static uint32_t low_tick(uint64_t tick)
{
    return (uint32_t)(tick & 0xFFFFFFFFu);
}

/** Value i of a section as the snapshot holds it (ages and ticks to the next spike relative to the tick). */
static int32_t view_value(const ap_network *network, const state_view *view, int32_t i)
{
    const ap_network_state *s = network->state;
    switch (view->role) {
    case VIEW_SCALARS:
        return i == 0 ? ap_from_u32((uint32_t)(s->tick >> 32)) : i == 1 ? ap_from_u32(low_tick(s->tick))
                : i == 2 ? s->modulator : (int32_t)s->learning;
    case VIEW_TRACE_AGES: return ap_from_u32(low_tick(s->tick) - (uint32_t)view->ints[i]);
    case VIEW_TICKS_TO_SPIKE: return ap_from_u32((uint32_t)view->ints[i] - low_tick(s->tick));
    case VIEW_BASELINES: return network->projections[i].state->baseline;
    default: return view->ints != NULL ? view->ints[i] : (int32_t)view->shorts[i];
    }
}

/** Sets value i of a section from the snapshot's value (the tick, section 0, is restored before the others). */
static void set_view_value(const ap_network *network, const state_view *view, int32_t i, int32_t value)
{
    ap_network_state *s = network->state;
    switch (view->role) {
    case VIEW_SCALARS:
        if (i == 0) {
            s->tick = (uint64_t)(uint32_t)value << 32;
        } else if (i == 1) {
            s->tick |= (uint32_t)value;
        } else if (i == 2) {
            ap_network_set_modulator(network, value);
        } else {
            ap_network_set_learning(network, (uint8_t)value);
        }
        break;
    case VIEW_TRACE_AGES: view->ints[i] = ap_from_u32(low_tick(s->tick) - (uint32_t)value); break;
    case VIEW_TICKS_TO_SPIKE: view->ints[i] = ap_from_u32(low_tick(s->tick) + (uint32_t)value); break;
    case VIEW_BASELINES: network->projections[i].state->baseline = value; break;
    default:
        if (view->ints != NULL) {
            view->ints[i] = value;
        } else {
            view->shorts[i] = ap_narrow16(value);
        }
    }
}

static uint8_t view_kind(const state_view *view)
{
    return view->shorts != NULL ? AP_SNAPSHOT_INT16 : AP_SNAPSHOT_INT32;
}

/* ---- encoding ---- */

typedef struct {
    const ap_network *network;
    const ap_snapshot_layout *layout;
    cursor *out;
} encoding;

static int encode_section(void *context, int32_t section, const state_view *view)
{
    encoding *e = (encoding *)context;
    const char *name = e->layout->sections[section].name;
    uint32_t length = name_length(name);
    uint32_t k;
    int32_t i;
    uint8_t kind = view_kind(view);
    put(e->out, length, 2u);
    for (k = 0; k < length; k++) {
        put(e->out, (uint8_t)name[k], 1u);
    }
    put(e->out, kind, 1u);
    put(e->out, (uint32_t)view->count, 4u);
    for (i = 0; i < view->count; i++) {
        put(e->out, (uint32_t)view_value(e->network, view, i) & (kind == AP_SNAPSHOT_INT16 ? 0xFFFFu : 0xFFFFFFFFu),
                kind);
    }
    return e->out->overrun;
}

uint32_t ap_snapshot_size(const ap_snapshot_layout *layout)
{
    uint32_t size = PREFIX_BYTES + (uint32_t)layout->identity_bytes + 4u + 4u;
    int32_t k;
    for (k = 0; k < layout->section_count; k++) {
        const ap_snapshot_section *section = &layout->sections[k];
        size += 2u + name_length(section->name) + 1u + 4u + (uint32_t)section->count * section->kind;
    }
    return size;
}

int ap_snapshot_encode(const ap_network *network, const ap_snapshot_layout *layout, uint8_t *buffer,
        uint32_t capacity)
{
    cursor out = {NULL, NULL, 0u, 0u, 0u};
    encoding e;
    int32_t k;
    uint32_t size = ap_snapshot_size(layout);
    if (capacity < size) {
        return AP_SNAPSHOT_BUFFER_TOO_SMALL;
    }
    out.out = buffer;
    out.size = size;
    put(&out, 0x41504C59u, 4u); /* "APLY" */
    put(&out, VERSION, 2u);
    put(&out, 0u, 2u);
    put(&out, layout->fingerprint, 8u);
    put(&out, network->state->tick, 8u);
    for (k = 0; k < layout->identity_bytes; k++) {
        put(&out, layout->identity[k], 1u);
    }
    put(&out, (uint32_t)layout->section_count, 4u);
    e.network = network;
    e.layout = layout;
    e.out = &out;
    visit_state(network, encode_section, &e);
    put(&out, crc32(buffer, out.at), 4u);
    return out.overrun ? AP_SNAPSHOT_BUFFER_TOO_SMALL : AP_SNAPSHOT_OK;
}

/* ---- decoding: a checking pass, then a loading pass ---- */

typedef struct {
    const ap_network *network;
    const ap_snapshot_layout *layout;
    cursor in;
    ap_snapshot_error *error;
    uint8_t load;
    uint32_t tick_words[2]; /* the scalars' tick, high and low word */
} decoding;

static int refuse_in_section(decoding *d, int code, int32_t section, int32_t index, const char *text)
{
    refuse(d->error, code, section, index, "section ");
    append(d->error, d->layout->sections[section].name);
    if (index >= 0) {
        append(d->error, ": [");
        append_number(d->error, index);
        append(d->error, "]");
    }
    append(d->error, text);
    return code;
}

/** Reads and checks a section's header: its name, kind and count are this network's. */
static int check_header(decoding *d, int32_t section)
{
    const ap_snapshot_section *want = &d->layout->sections[section];
    uint32_t length = (uint32_t)get(&d->in, 2u);
    uint32_t wanted = name_length(want->name);
    uint32_t k;
    int same = length == wanted;
    for (k = 0; k < length && same; k++) {
        same = get(&d->in, 1u) == (uint8_t)want->name[k];
    }
    same = same && get(&d->in, 1u) == want->kind && get(&d->in, 4u) == (uint32_t)want->count;
    if (d->in.overrun) {
        return refuse_in_section(d, AP_SNAPSHOT_TRUNCATED, section, -1, ": the snapshot ends inside it");
    }
    if (!same) {
        return refuse_in_section(d, AP_SNAPSHOT_FOREIGN_LAYOUT, section, -1,
                ": of another state layout (name, kind or count differ)");
    }
    return AP_SNAPSHOT_OK;
}

static int check_value(decoding *d, int32_t section, int32_t i, int32_t value)
{
    const ap_snapshot_section *want = &d->layout->sections[section];
    const int32_t *range = want->ranges + 2 * (want->range_count == 1 ? 0 : i);
    if (value < range[0] || value > range[1]) {
        refuse_in_section(d, AP_SNAPSHOT_BAD_VALUE, section, i, " = ");
        append_number(d->error, value);
        append(d->error, " is outside ");
        append_number(d->error, range[0]);
        append(d->error, "..");
        append_number(d->error, range[1]);
        return AP_SNAPSHOT_BAD_VALUE;
    }
    return AP_SNAPSHOT_OK;
}

static int decode_section(void *context, int32_t section, const state_view *view)
{
    decoding *d = (decoding *)context;
    const ap_snapshot_section *want;
    int32_t i;
    int code;
    if (section >= d->layout->section_count || view->count != d->layout->sections[section].count
            || view_kind(view) != d->layout->sections[section].kind) {
        return refuse(d->error, AP_SNAPSHOT_TABLES_MISMATCH, section, -1,
                "the snapshot tables do not describe this network");
    }
    want = &d->layout->sections[section];
    code = check_header(d, section);
    for (i = 0; i < view->count && code == AP_SNAPSHOT_OK; i++) {
        int32_t value = get_signed(&d->in, want->kind);
        if (d->in.overrun) {
            code = refuse_in_section(d, AP_SNAPSHOT_TRUNCATED, section, -1, ": the snapshot ends inside it");
        } else if (d->load) {
            set_view_value(d->network, view, i, value);
        } else {
            code = check_value(d, section, i, value);
        }
        if (view->role == VIEW_SCALARS && i < 2) {
            d->tick_words[i] = (uint32_t)value;
        }
    }
    if (d->load && view->role == VIEW_TICKS_TO_SPIKE) {
        ap_poisson_refile(view->population);
    }
    return code;
}

/** The magic, the checksum and the version. */
static int check_envelope(const uint8_t *snapshot, uint32_t size, ap_snapshot_error *error)
{
    cursor in = {NULL, NULL, 0u, 0u, 0u};
    uint32_t stored;
    in.in = snapshot;
    in.size = size;
    if (size < PREFIX_BYTES + 8u) {
        return refuse(error, AP_SNAPSHOT_TRUNCATED, -1, -1, "snapshot truncated: shorter than a header");
    }
    if (get(&in, 4u) != 0x41504C59u) {
        return refuse(error, AP_SNAPSHOT_BAD_MAGIC, -1, -1, "not a snapshot: bad magic");
    }
    in.at = size - 4u;
    stored = (uint32_t)get(&in, 4u);
    if (crc32(snapshot, size - 4u) != stored) {
        return refuse(error, AP_SNAPSHOT_BAD_CHECKSUM, -1, -1, "checksum mismatch: corrupt or truncated snapshot");
    }
    in.at = 4u;
    if (get(&in, 2u) != VERSION) {
        return refuse(error, AP_SNAPSHOT_BAD_VERSION, -1, -1, "written by another snapshot codec version; this"
                " core reads version 3 only");
    }
    return AP_SNAPSHOT_OK;
}

/** The identity block and the fingerprint are this network's; leaves the cursor after the identity. */
static int check_network(decoding *d)
{
    int32_t k;
    int same = 1;
    d->in.at = 8u;
    if (get(&d->in, 8u) != d->layout->fingerprint) {
        same = 0;
    }
    d->in.at = PREFIX_BYTES;
    for (k = 0; k < d->layout->identity_bytes && same; k++) {
        same = get(&d->in, 1u) == d->layout->identity[k] && !d->in.overrun;
    }
    if (!same) {
        return refuse(d->error, AP_SNAPSHOT_FOREIGN_NETWORK, -1, -1,
                "of another network: its identity or spec fingerprint is not this network's");
    }
    return AP_SNAPSHOT_OK;
}

/** One pass over the sections, checking (load 0) or loading (load 1); returns a code. */
static int sections_pass(decoding *d, uint8_t load)
{
    int code;
    d->in.at = PREFIX_BYTES + (uint32_t)d->layout->identity_bytes;
    d->load = load;
    if (get(&d->in, 4u) != (uint32_t)d->layout->section_count) {
        return refuse(d->error, AP_SNAPSHOT_FOREIGN_LAYOUT, -1, -1, "of another state layout: section count");
    }
    code = visit_state(d->network, decode_section, d);
    if (code == AP_SNAPSHOT_OK && d->in.at != d->in.size) {
        return refuse(d->error, AP_SNAPSHOT_TRUNCATED, -1, -1, "unexpected bytes after the last section");
    }
    return code;
}

int ap_snapshot_decode(const ap_network *network, const ap_snapshot_layout *layout, const uint8_t *snapshot,
        uint32_t size, ap_snapshot_error *error)
{
    decoding d;
    uint64_t header_tick;
    int code;
    refuse(error, AP_SNAPSHOT_OK, -1, -1, "");
    code = check_envelope(snapshot, size, error);
    if (code != AP_SNAPSHOT_OK) {
        return code;
    }
    d.network = network;
    d.layout = layout;
    d.in.out = NULL;
    d.in.in = snapshot;
    d.in.size = size - 4u;
    d.in.at = TICK_OFFSET;
    d.in.overrun = 0u;
    d.error = error;
    header_tick = get(&d.in, 8u);
    code = check_network(&d);
    if (code == AP_SNAPSHOT_OK && header_tick >> 63) {
        code = refuse(error, AP_SNAPSHOT_BAD_TICK, -1, -1, "the header's tick is negative");
    }
    code = code != AP_SNAPSHOT_OK ? code : sections_pass(&d, 0u);
    if (code == AP_SNAPSHOT_OK && ((uint64_t)d.tick_words[0] << 32 | d.tick_words[1]) != header_tick) {
        code = refuse(error, AP_SNAPSHOT_BAD_TICK, 0, -1, "the header's tick is not the state's tick");
    }
    if (code != AP_SNAPSHOT_OK) {
        return code;
    }
    return sections_pass(&d, 1u);
}
