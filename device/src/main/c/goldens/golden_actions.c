/* A recorded stimulus action applied to the C core, as the Java golden Drive applies it (shared by the runners). */
#include "golden.h"

void golden_apply(const ap_network *network, const golden_action *action)
{
    const ap_population *p = action->kind == GOLDEN_MODULATOR || action->kind == GOLDEN_RESET_ACTIVITY
            ? NULL : &network->populations[action->population];
    switch (action->kind) {
    case GOLDEN_CLEAR_SPIKES: ap_spikes_clear(p->state->spikes, p->size); break;
    case GOLDEN_SPIKE: ap_spikes_set(p->state->spikes, action->neuron); break;
    case GOLDEN_INJECT: ap_population_inject(p, action->neuron, action->raw); break;
    case GOLDEN_MODULATOR: ap_network_set_modulator(network, action->raw); break;
    case GOLDEN_RESET_ACTIVITY: ap_network_reset_activity(network); break;
    default: break;
    }
}
