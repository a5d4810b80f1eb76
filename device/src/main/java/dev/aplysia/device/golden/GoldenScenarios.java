package dev.aplysia.device.golden;

import dev.aplysia.device.fixed.QFormat;
import dev.aplysia.device.model.NetworkSpec;
import dev.aplysia.device.model.NeuronSpec;
import dev.aplysia.device.model.PlasticityRule;
import dev.aplysia.device.model.PopulationSpec;
import dev.aplysia.device.model.ProjectionSpec;
import dev.aplysia.device.model.ReceptorSpec;
import dev.aplysia.device.model.TraceSpec;
import dev.aplysia.device.plasticity.RuleEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The golden scenarios. Each is small enough to follow by hand, covers one mechanism, and states for every column how
 * far the float twin may be from the core (the core's own rounding, bounded per mechanism in the comments).
 */
public final class GoldenScenarios {

    private static final QFormat MEMBRANE = NeuronSpec.MEMBRANE;
    private static final QFormat TRACE = TraceSpec.FORMAT;
    private static final QFormat WEIGHT = ProjectionSpec.WEIGHT;
    private static final QFormat G = ReceptorSpec.G;

    private GoldenScenarios() {
    }

    /** Every golden scenario, one per committed golden vector, in a fixed order. */
    public static List<GoldenScenario> all() {
        return List.of(lifImpulse(), stdpPair(), threeFactor(), consolidatingInstar(), kwta(), currentReceptor(),
                conductanceReceptors(), poissonInput());
    }

    /**
     * One input through a 0.75 weight into a LIF neuron (decay 0.5, threshold 1, reset 0, refractory 2): isolated
     * pulses halve every tick down to zero, two pulses in a row fire it, and pulses in its refractory ticks are lost.
     * Leaks round toward zero, losing less than 1/(1 - 0.5) = 2 steps against the twin.
     */
    static GoldenScenario lifImpulse() {
        TraceSpec halving = new TraceSpec(0.5, 1, TraceSpec.Mode.ADD);
        NetworkSpec spec = NetworkSpec.builder("lif-impulse")
                .population(PopulationSpec.input("in", 1, halving))
                .population(PopulationSpec.neurons("out", 1, NeuronSpec.lif(0.5, 1, 0, 2), 0, halving))
                .projection(ProjectionSpec.constant("in-out", "in", "out", 0, 1, 0.75, PlasticityRule.NONE))
                .seed(1).build();
        Set<Integer> pulses = Set.of(2, 6, 7, 8, 9, 10, 20, 21, 24);
        return new GoldenScenario("lif-impulse",
                "input -> LIF(decay 0.5, threshold 1, reset 0, refractory 2 ticks), weight 0.75, traces decay 0.5"
                        + " ADD 1; input pulses at ticks 2 6 7 8 9 10 20 21 24",
                spec, 40, (t, d) -> d.spikes("in", pulses.contains(t) ? new int[] {0} : new int[0]),
                List.of(tick(), spike("in", "in", 0), membrane("out", "v", 0, 2), spike("out", "out", 0),
                        trace("in", "in_trace", 0, 2 * TRACE.step()), trace("out", "out_trace", 0, 2 * TRACE.step())));
    }

    /**
     * Pair STDP (A+ 0.01, A- -0.0105, tau 20 ticks, ADD traces, stochastic rounding, seed 42) between an input and a
     * neuron made to fire by an injected current. Traces: the Q16 decay exp(-1/20) is 3.7e-6 relative off, which
     * over the 1/(1-d)^2 = 420 ticks-weighted history of a unit trace is below 2e-3. Weight: each of the 11 updates
     * rounds stochastically to one of its two neighbouring steps, so at most 11 steps apart.
     */
    static GoldenScenario stdpPair() {
        TraceSpec trace = TraceSpec.exponential(20, 1);
        NetworkSpec spec = NetworkSpec.builder("stdp-pair")
                .population(PopulationSpec.input("pre", 1, trace))
                .population(PopulationSpec.neurons("post", 1, NeuronSpec.lif(0, 1, 0, 0), 0, trace))
                .projection(ProjectionSpec.constant("pre-post", "pre", "post", 0, 0.5, 0.25,
                        PlasticityRule.stdpAdditive(0.01, -0.0105)))
                .seed(42).build();
        Set<Integer> pre = Set.of(5, 12, 30, 31, 50, 64);
        Set<Integer> post = Set.of(8, 12, 26, 45, 52, 60);
        return new GoldenScenario("stdp-pair",
                "input pre -> LIF post(decay 0, threshold 1, refractory 0) forced by injecting 2; stdpAdditive(A+ 0.01,"
                        + " A- -0.0105) stochastic, w in [0 0.5] from 0.25, traces exp(-1/20) ADD 1;"
                        + " pre at 5 12 30 31 50 64, post at 8 12 26 45 52 60",
                spec, 70, (t, d) -> {
                    d.spikes("pre", pre.contains(t) ? new int[] {0} : new int[0]);
                    d.inject("post", 0, post.contains(t) ? 2 : 0);
                },
                List.of(tick(), spike("pre", "pre", 0), spike("post", "post", 0),
                        trace("pre", "pre_trace", 0, 2e-3), trace("post", "post_trace", 0, 2e-3),
                        weight("pre-post", "w", 0, 0, 11 * WEIGHT.step())));
    }

    /**
     * Three-factor learning (aPlus 0.5, aMinus -0.5, eligibility decay 0.875, eta 0.02, baseline shift 2) on two
     * synapses: pre0 fires one tick before post (causal, e0 > 0) and pre1 one tick after (anti-causal, e1 < 0),
     * every 12 ticks; the reward is 0, then +1, 0, -0.5, then a constant +1 the baseline learns to predict.
     * Decays 0.75 and 0.875 are exact in Q16; eligibility rounds once per update (1/2 step of 2^-12) and leaks toward
     * zero, a few steps in all. The baseline's nearest rounding stalls up to one step short. Weights round
     * stochastically on each tick the modulator or its deviation is non-zero (ticks 11 to 60), a random walk of a few
     * steps and at most 50.
     */
    static GoldenScenario threeFactor() {
        TraceSpec trace = new TraceSpec(0.75, 1, TraceSpec.Mode.ADD);
        NetworkSpec spec = NetworkSpec.builder("three-factor")
                .population(PopulationSpec.input("pre", 2, trace))
                .population(PopulationSpec.neurons("post", 1, NeuronSpec.lif(0, 1, 0, 0), 0, trace))
                .projection(ProjectionSpec.constant("pre-post", "pre", "post", 0, 1, 0.5,
                        PlasticityRule.threeFactor(0.5, -0.5, 0.875, 0.02, 2)))
                .seed(7).build();
        double eligibilityEpsilon = 8 * RuleEngine.ELIGIBILITY.step();
        return new GoldenScenario("three-factor",
                "inputs pre0 pre1 -> LIF post forced by injecting 2; threeFactor(aPlus 0.5, aMinus -0.5, eligibility"
                        + " decay 0.875, eta 0.02, baseline shift 2), w in [0 1] from 0.5, traces decay 0.75 ADD 1;"
                        + " every 12 ticks from 2: pre0, post, pre1 on consecutive ticks; modulator 0 (1-10), 1"
                        + " (11-22), 0 (23-30), -0.5 (31-38), 1 (39-60)",
                spec, 60, (t, d) -> {
                    int phase = (t - 2) % 12;
                    d.spikes("pre", phase == 0 ? new int[] {0} : phase == 2 ? new int[] {1} : new int[0]);
                    d.inject("post", 0, phase == 1 ? 2 : 0);
                    d.modulator(t <= 10 ? 0 : t <= 22 ? 1 : t <= 30 ? 0 : t <= 38 ? -0.5 : 1);
                },
                List.of(tick(), spike("pre", "pre0", 0), spike("pre", "pre1", 1), spike("post", "post", 0),
                        modulator(), baseline("pre-post", RuleEngine.MODULATOR.step()),
                        eligibility("pre-post", "e0", 0, 0, 1, eligibilityEpsilon),
                        eligibility("pre-post", "e1", 1, 0, 1, eligibilityEpsilon),
                        weight("pre-post", "w0", 0, 0, 50 * WEIGHT.step()),
                        weight("pre-post", "w1", 1, 0, 50 * WEIGHT.step())));
    }

    /**
     * The consolidating instar (eta 0.25, kappa 0.5, max consolidation 0.75) on 3 inputs and 2 taught neurons, four
     * presentations of 6 ticks separated by activity resets: A = {0, 1} taught to post0 under a significant modulator
     * (1), B = {1, 2} taught to post1 under a neutral one (0.125), then both overwritten under 1 (B to post0, A to
     * post1). Initial weights are drawn from [0.2, 0.4] by the seeded PRNG. Weights round stochastically on each of 24
     * ticks (at most 24 steps apart); consolidation rounds to nearest, half a step per update.
     */
    static GoldenScenario consolidatingInstar() {
        TraceSpec trace = new TraceSpec(0.5, 0.5, TraceSpec.Mode.ADD);
        NetworkSpec spec = NetworkSpec.builder("consolidating-instar")
                .population(PopulationSpec.input("pre", 3, trace))
                .population(PopulationSpec.neurons("post", 2, NeuronSpec.lif(0, 1, 0, 0), 0, trace))
                .projection(new ProjectionSpec("pre-post", "pre", "post", 0, 1, 0.2, 0.4,
                        PlasticityRule.consolidatingInstar(0.25, 0.5, 0.75)))
                .seed(11).build();
        int[][] patterns = {{0, 1}, {1, 2}, {1, 2}, {0, 1}};
        int[] taught = {0, 1, 0, 1};
        double[] modulators = {1, 0.125, 1, 1};
        List<Column> columns = new ArrayList<>(List.of(tick(), modulator(), spike("pre", "pre0", 0),
                spike("pre", "pre1", 1), spike("pre", "pre2", 2), spike("post", "post0", 0),
                spike("post", "post1", 1)));
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                columns.add(weight("pre-post", "w" + i + "_" + j, i, j, 24 * WEIGHT.step()));
            }
        }
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                columns.add(consolidation("pre-post", "c" + i + "_" + j, i, j, 2,
                        24 * RuleEngine.CONSOLIDATION.step()));
            }
        }
        return new GoldenScenario("consolidating-instar",
                "inputs pre0-2 -> 2 LIF post forced by injecting 2; consolidatingInstar(eta 0.25, kappa 0.5, max 0.75),"
                        + " w in [0 1] drawn from [0.2 0.4], traces decay 0.5 ADD 0.5; 4 presentations of 6 ticks after"
                        + " resetActivity: {0 1}->post0 m 1, {1 2}->post1 m 0.125, {1 2}->post0 m 1, {0 1}->post1 m 1",
                spec, 24, (t, d) -> {
                    int p = (t - 1) / 6;
                    if ((t - 1) % 6 == 0) {
                        d.resetActivity();
                        d.modulator(modulators[p]);
                        d.inject("post", taught[p], 2);
                    }
                    d.spikes("pre", patterns[p]);
                }, columns);
    }

    /**
     * A 2-winner population of 5 neurons (decay 0.75, threshold 1, refractory 1, adaptive threshold +0.25 per spike
     * decaying by 0.875, excitability 0.125 spent by 0.0625 per spike) under constant currents 0.3125, 0.375, 0.375,
     * 0.25, 0.1875: neurons 1 and 2 tie and both win first; while their raised thresholds decay, neurons 0 and 3 get
     * their turns; neuron 4 never wins, as every spike resets the non-refractory losers. All values are multiples of
     * 2^-14 and the decays exact in Q16; leaks lose less than 1/(1 - 0.75) = 4 steps (membrane) and
     * 1/(1 - 0.875) = 8 steps (adaptation).
     */
    static GoldenScenario kwta() {
        NeuronSpec neuron = new NeuronSpec(MEMBRANE, 0.75, 1, 0, 1, 0.25, 0.875, 0.125, 0.0625);
        NetworkSpec spec = NetworkSpec.builder("kwta")
                .population(PopulationSpec.neurons("k", 5, neuron, 2, TraceSpec.counter(1)))
                .seed(3).build();
        double[] currents = {0.3125, 0.375, 0.375, 0.25, 0.1875};
        List<Column> columns = new ArrayList<>(List.of(tick()));
        for (int i = 0; i < 5; i++) {
            columns.add(membrane("k", "v" + i, i, 4));
        }
        for (int i = 0; i < 5; i++) {
            columns.add(adaptation("k", "a" + i, i, 8));
        }
        for (int i = 0; i < 5; i++) {
            columns.add(excitability("k", "b" + i, i));
        }
        for (int i = 0; i < 5; i++) {
            columns.add(spike("k", "s" + i, i));
        }
        return new GoldenScenario("kwta",
                "5 LIF(decay 0.75, threshold 1, reset 0, refractory 1, adapt +0.25 decay 0.875, excitability 0.125"
                        + " -0.0625 per spike), 2 winners; constant injected currents 0.3125 0.375 0.375 0.25 0.1875",
                spec, 60, (t, d) -> {
                    if (t == 1) {
                        for (int i = 0; i < 5; i++) {
                            d.inject("k", i, currents[i]);
                        }
                    }
                }, columns);
    }

    /**
     * One input into a LIF neuron (decay 0.75, threshold 1, reset 0) through a current-based receptor (decay 0.5,
     * gain 0.5) with weight 0.75: each pulse adds 0.75 to g, which halves every tick and drives v by g / 2; two
     * pulses in a row fire the neuron, three fire it twice. All parameters are exact in their formats. The receptor's
     * leak rounds toward zero, less than one step a tick, so g is less than 1 / (1 - 0.5) = 2 steps from the twin's;
     * v loses less than one step to its leak, half a step to the drive's rounding and 0.5 * 2 receptor steps (a
     * quarter membrane step each) to g, less than 1.75 / (1 - 0.75) = 7 steps in all.
     */
    static GoldenScenario currentReceptor() {
        NeuronSpec neuron = NeuronSpec.lif(0.75, 1, 0, 0).withReceptor(new ReceptorSpec("ampa",
                ReceptorSpec.Kind.CURRENT, 0.5, 0.5, 0));
        NetworkSpec spec = NetworkSpec.builder("receptor-current")
                .population(PopulationSpec.input("in", 1, TraceSpec.counter(1)))
                .population(PopulationSpec.neurons("out", 1, neuron, 0, TraceSpec.counter(1)))
                .projection(ProjectionSpec.constant("in-out", "in", "out", 0, 1, 0.75, PlasticityRule.NONE)
                        .withReceptor("ampa"))
                .seed(1).build();
        Set<Integer> pulses = Set.of(2, 6, 7, 14, 15, 16, 25);
        return new GoldenScenario("receptor-current",
                "input -> LIF(decay 0.75, threshold 1, reset 0, refractory 0) through a current receptor ampa(decay"
                        + " 0.5, gain 0.5), weight 0.75; input pulses at ticks 2 6 7 14 15 16 25",
                spec, 40, (t, d) -> d.spikes("in", pulses.contains(t) ? new int[] {0} : new int[0]),
                List.of(tick(), spike("in", "in", 0), receptor("out", "g", 0, 0, 2 * G.step()),
                        membrane("out", "v", 0, 7), spike("out", "out", 0)));
    }

    /**
     * Two excitatory inputs (weight 1) into a conductance (decay 0.75, gain 0.25, reversal 1) and one inhibitory input
     * (weight 1) into a conductance (decay 0.5, gain 0.25, reversal -1) of a LIF neuron that rests at -0.25 and resets
     * to -0.5 (decay 0.875, threshold 0.5, refractory 1): each conductance moves v the fraction 0.25 g of the way to
     * its reversal potential, excitation first. Every parameter is exact in its format. g is less than 1 / (1 - 0.75)
     * = 4 (excitatory) and 2 (inhibitory) steps from the twin's; those move each fraction by at most 2^-16 and 2^-17,
     * times a driving force of at most 2: half and a quarter of a membrane step. With the leak's step and the two
     * drives' half steps, v is less than 2.75 / (1 - 0.875) = 22 steps from the twin's.
     */
    static GoldenScenario conductanceReceptors() {
        NeuronSpec neuron = NeuronSpec.lif(0.875, 0.5, -0.5, 1).withRest(-0.25)
                .withReceptor(new ReceptorSpec("exc", ReceptorSpec.Kind.CONDUCTANCE, 0.75, 0.25, 1))
                .withReceptor(new ReceptorSpec("inh", ReceptorSpec.Kind.CONDUCTANCE, 0.5, 0.25, -1));
        NetworkSpec spec = NetworkSpec.builder("receptor-conductance")
                .population(PopulationSpec.input("exc", 2, TraceSpec.counter(1)))
                .population(PopulationSpec.input("inh", 1, TraceSpec.counter(1)))
                .population(PopulationSpec.neurons("out", 1, neuron, 0, TraceSpec.counter(1)))
                .projection(ProjectionSpec.constant("exc-out", "exc", "out", 0, 1, 1, PlasticityRule.NONE)
                        .withReceptor("exc"))
                .projection(ProjectionSpec.constant("inh-out", "inh", "out", 0, 1, 1, PlasticityRule.NONE)
                        .withReceptor("inh"))
                .seed(1).build();
        Set<Integer> excitation = Set.of(3, 4, 5, 12, 20, 21, 22, 23, 40);
        Set<Integer> bothExcitatory = Set.of(4, 21, 22, 40);
        Set<Integer> inhibition = Set.of(12, 13, 30, 31, 32, 40);
        return new GoldenScenario("receptor-conductance",
                "inputs exc0 exc1 -> conductance exc(decay 0.75, gain 0.25, reversal 1), inh0 -> conductance inh(decay"
                        + " 0.5, gain 0.25, reversal -1) of LIF(decay 0.875, rest -0.25, threshold 0.5, reset -0.5,"
                        + " refractory 1), weights 1; exc0 at 3 4 5 12 20 21 22 23 40, exc1 at 4 21 22 40,"
                        + " inh0 at 12 13 30 31 32 40",
                spec, 50, (t, d) -> {
                    d.spikes("exc", bothExcitatory.contains(t) ? new int[] {0, 1}
                            : excitation.contains(t) ? new int[] {0} : new int[0]);
                    d.spikes("inh", inhibition.contains(t) ? new int[] {0} : new int[0]);
                },
                List.of(tick(), spike("exc", "exc0", 0), spike("exc", "exc1", 1), spike("inh", "inh0", 0),
                        receptor("out", "g_exc", 0, 0, 4 * G.step()), receptor("out", "g_inh", 1, 0, 2 * G.step()),
                        membrane("out", "v", 0, 22), spike("out", "out", 0)));
    }

    /**
     * Four seeded Poisson inputs at 200 Hz (p = 0.2 per 1 ms tick) into a current receptor (decay 0.5, gain 0.5,
     * weights 0.5) of a LIF neuron (decay 0.75, threshold 1, reset 0): the inputs' spikes are the core's integer
     * schedule, which the twin shares (epsilon 0). g and v are bounded as in {@link #currentReceptor}.
     */
    static GoldenScenario poissonInput() {
        NeuronSpec neuron = NeuronSpec.lif(0.75, 1, 0, 0).withReceptor(new ReceptorSpec("ampa",
                ReceptorSpec.Kind.CURRENT, 0.5, 0.5, 0));
        NetworkSpec spec = NetworkSpec.builder("poisson-input")
                .population(PopulationSpec.poisson("in", 4, 200, 1, TraceSpec.counter(1)))
                .population(PopulationSpec.neurons("out", 1, neuron, 0, TraceSpec.counter(1)))
                .projection(ProjectionSpec.constant("in-out", "in", "out", 0, 1, 0.5, PlasticityRule.NONE)
                        .withReceptor("ampa"))
                .seed(9).build();
        List<Column> columns = new ArrayList<>(List.of(tick()));
        for (int i = 0; i < 4; i++) {
            columns.add(spike("in", "in" + i, i));
        }
        columns.addAll(List.of(receptor("out", "g", 0, 0, 2 * G.step()), membrane("out", "v", 0, 7),
                spike("out", "out", 0)));
        return new GoldenScenario("poisson-input",
                "4 Poisson inputs at 200 Hz, 1 ms ticks (p 0.2), seed 9 -> LIF(decay 0.75, threshold 1, reset 0,"
                        + " refractory 0) through a current receptor ampa(decay 0.5, gain 0.5), weights 0.5",
                spec, 60, (t, d) -> { }, columns);
    }

    private static String raw(QFormat format) {
        return "raw Q" + (format.bits() - 1 - format.fraction()) + "." + format.fraction();
    }

    private static Column tick() {
        return new Column("tick", "tick number", new Probe(Probe.Kind.TICK, "", 0, 0), f -> f.tick(), 1, 0);
    }

    private static Column spike(String population, String name, int i) {
        return new Column(name, population + "[" + i + "] spike 0/1",
                new Probe(Probe.Kind.SPIKE, population, i, 0),
                f -> f.population(population).spikes().get(i) ? 1 : 0, 1, 0);
    }

    private static Column membrane(String population, String name, int i, int steps) {
        return new Column(name, population + "[" + i + "] membrane, " + raw(MEMBRANE),
                new Probe(Probe.Kind.MEMBRANE, population, i, 0), f -> f.population(population).membrane(i),
                MEMBRANE.step(), steps * MEMBRANE.step());
    }

    private static Column adaptation(String population, String name, int i, int steps) {
        return new Column(name, population + "[" + i + "] adaptive threshold, " + raw(MEMBRANE),
                new Probe(Probe.Kind.ADAPTATION, population, i, 0), f -> f.population(population).adaptation(i),
                MEMBRANE.step(), steps * MEMBRANE.step());
    }

    private static Column excitability(String population, String name, int i) {
        return new Column(name, population + "[" + i + "] excitability, " + raw(MEMBRANE),
                new Probe(Probe.Kind.EXCITABILITY, population, i, 0), f -> f.population(population).excitability(i),
                MEMBRANE.step(), 0);
    }

    private static Column receptor(String population, String name, int r, int i, double epsilon) {
        return new Column(name, population + "[" + i + "] receptor " + r + " g, " + raw(G),
                new Probe(Probe.Kind.RECEPTOR, population, r, i), f -> f.population(population).receptor(r, i),
                G.step(), epsilon);
    }

    private static Column trace(String population, String name, int i, double epsilon) {
        return new Column(name, population + "[" + i + "] trace, " + raw(TRACE),
                new Probe(Probe.Kind.TRACE, population, i, 0), f -> f.population(population).trace(i), TRACE.step(),
                epsilon);
    }

    private static Column weight(String projection, String name, int i, int j, double epsilon) {
        return new Column(name, projection + "[" + i + "][" + j + "] weight, " + raw(WEIGHT),
                new Probe(Probe.Kind.WEIGHT, projection, i, j), f -> f.projection(projection).weight(i, j),
                WEIGHT.step(), epsilon);
    }

    private static Column eligibility(String projection, String name, int i, int j, int postSize,
                                      double epsilon) {
        return new Column(name, projection + "[" + i + "][" + j + "] eligibility, " + raw(RuleEngine.ELIGIBILITY),
                new Probe(Probe.Kind.ELIGIBILITY, projection, i * postSize + j, 0),
                f -> f.projection(projection).eligibility(i, j), RuleEngine.ELIGIBILITY.step(), epsilon);
    }

    private static Column consolidation(String projection, String name, int i, int j, int postSize,
                                        double epsilon) {
        return new Column(name, projection + "[" + i + "][" + j + "] consolidation, "
                + raw(RuleEngine.CONSOLIDATION),
                new Probe(Probe.Kind.CONSOLIDATION, projection, i * postSize + j, 0),
                f -> f.projection(projection).consolidation(i, j), RuleEngine.CONSOLIDATION.step(), epsilon);
    }

    private static Column modulator() {
        return new Column("m", "modulator, " + raw(RuleEngine.MODULATOR), new Probe(Probe.Kind.MODULATOR, "", 0, 0), f -> f.modulator(),
                RuleEngine.MODULATOR.step(), 0);
    }

    private static Column baseline(String projection, double epsilon) {
        return new Column("baseline", projection + " reward baseline, " + raw(RuleEngine.MODULATOR),
                new Probe(Probe.Kind.BASELINE, projection, 0, 0),
                f -> f.projection(projection).engine().baseline(), RuleEngine.MODULATOR.step(), epsilon);
    }
}
