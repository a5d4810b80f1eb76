package dev.aplysia.device.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A whole network: populations (stepped in the order given, so a feed-forward projection delivers its spikes within
 * the same tick), projections, and the seed of the network's random streams.
 */
public record NetworkSpec(String name, List<PopulationSpec> populations, List<ProjectionSpec> projections,
                          long seed) {

    public NetworkSpec {
        populations = List.copyOf(populations);
        projections = List.copyOf(projections);
        Set<String> names = new HashSet<>();
        for (PopulationSpec p : populations) {
            if (!names.add(p.name())) {
                throw new IllegalArgumentException("duplicate population name " + p.name());
            }
        }
        Set<String> projectionNames = new HashSet<>();
        for (ProjectionSpec p : projections) {
            if (!names.contains(p.pre()) || !names.contains(p.post())) {
                throw new IllegalArgumentException("projection " + p.name() + " joins unknown population "
                        + (names.contains(p.pre()) ? p.post() : p.pre()));
            }
            if (!projectionNames.add(p.name())) {
                throw new IllegalArgumentException("duplicate projection name " + p.name());
            }
            PopulationSpec post = population(p.post(), populations);
            if (post.isInput()) {
                throw new IllegalArgumentException("projection " + p.name() + " targets input population " + p.post());
            }
            if (p.feedsReceptor() && post.neuron().receptorIndex(p.receptor()) < 0) {
                throw new IllegalArgumentException("projection " + p.name() + " feeds receptor " + p.receptor()
                        + ", which population " + p.post() + " does not declare (it declares "
                        + post.neuron().receptors().stream().map(ReceptorSpec::name).toList() + ")");
            }
        }
    }

    private static PopulationSpec population(String name, List<PopulationSpec> populations) {
        return populations.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    /** The population with this name. */
    public PopulationSpec population(String name) {
        return populations.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no population named " + name));
    }

    /** The projections that feed receptor {@code receptor} of population {@code population}, in spec order. */
    public List<ProjectionSpec> projectionsInto(String population, String receptor) {
        return projections.stream().filter(p -> p.post().equals(population) && receptor.equals(p.receptor()))
                .toList();
    }

    /**
     * The random lane of Poisson population {@code population}: its rank among the network's Poisson populations in
     * spec order (0 for the first), so that two sources of one network never draw the same intervals.
     */
    public int poissonLane(String population) {
        int lane = 0;
        for (PopulationSpec p : populations) {
            if (p.name().equals(population)) {
                return lane;
            }
            lane += p.isPoisson() ? 1 : 0;
        }
        throw new IllegalArgumentException("no population named " + population);
    }

    /** Starts a spec. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Collects populations and projections in order. */
    public static final class Builder {
        private final String name;
        private final List<PopulationSpec> populations = new ArrayList<>();
        private final List<ProjectionSpec> projections = new ArrayList<>();
        private long seed = 1;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name);
        }

        public Builder population(PopulationSpec population) {
            populations.add(population);
            return this;
        }

        public Builder projection(ProjectionSpec projection) {
            projections.add(projection);
            return this;
        }

        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        public NetworkSpec build() {
            return new NetworkSpec(name, populations, projections, seed);
        }
    }
}
