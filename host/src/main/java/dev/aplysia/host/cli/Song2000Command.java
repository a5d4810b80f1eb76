package dev.aplysia.host.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.aplysia.device.protocol.Song2000;
import dev.aplysia.host.report.Song2000Chart;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code aplysia core song2000}: competitive STDP (Song, Miller and Abbott 2000) on both cores. */
@Command(name = "song2000", mixinStandardHelpOptions = true,
        description = {"Song, Miller & Abbott (2000) as in Brian2's STDP example: 1000 Poisson inputs at 15 Hz onto one"
                + " conductance-based LIF neuron under additive pair STDP (gmax 0.01), on the fixed-point core and its"
                + " float twin, on the same input spikes. The weights turn U-shaped and the output rate falls toward"
                + " the input rate. Progress goes to stderr every 10 simulated seconds."})
final class Song2000Command implements Callable<Integer> {

    @Option(names = "--seconds", defaultValue = "100", paramLabel = "S",
            description = "Simulated time, 1 to " + Song2000.MAX_SECONDS + " s (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--seed", defaultValue = "1",
            description = "Seed of the initial weights, the input spikes and the stochastic rounding"
                    + " (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json",
            description = "Print {\"protocol\":\"song2000\",...,\"fixed\":{...},\"float\":{...}} as one line.")
    boolean json;

    @Option(names = "--chart", paramLabel = "FILE.png",
            description = "Also draw the final weight histogram, fixed point beside float, as a PNG.")
    Path chart;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The JSON of one run: one object per core, keys as the issue names them. */
    record Output(String protocol, int seconds, long seed, double gmax, Core fixed, @JsonProperty("float") Core twin,
                  double identicalUntilS, long stateBytes) {

        static Output of(Song2000.Result r) {
            return new Output("song2000", r.seconds(), r.seed(), Song2000.GMAX, Core.of(r.fixed()), Core.of(r.twin()),
                    r.identicalUntilS(), r.stateBytes());
        }
    }

    /** One core's figures. */
    record Core(double fractionLow, double fractionHigh, double meanW, List<Integer> hist20,
                @JsonProperty("rate_first_10s") double rateFirst10s, @JsonProperty("rate_last_10s") double rateLast10s,
                long preEvents, long postSpikes, long wallMs, List<Song2000.TimelinePoint> timeline) {

        static Core of(Song2000.Run run) {
            return new Core(run.fractionLow(), run.fractionHigh(), run.meanW(), run.hist20(), run.rateFirst10s(),
                    run.rateLast10s(), run.preEvents(), run.postSpikes(), run.wallMs(), run.timeline());
        }
    }

    @Override
    public Integer call() throws IOException {
        if (seconds < 1 || seconds > Song2000.MAX_SECONDS) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--seconds must be in 1.." + Song2000.MAX_SECONDS + ", got " + seconds);
        }
        PrintWriter err = spec.commandLine().getErr();
        Song2000.Result result = Song2000.run(seconds, seed, (core, p) -> {
            err.printf("%-5s %6.0f s  rate %5.1f Hz  mean w/gmax %.3f  low %.3f  high %.3f%n", core, p.timeS(),
                    p.rate(), p.meanW() / Song2000.GMAX, p.fractionLow(), p.fractionHigh());
            err.flush();
        });
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JsonOutput.of(Output.of(result)));
        } else {
            printTable(out, result);
        }
        if (chart != null) {
            Song2000Chart.write(result, chart);
            err.println("wrote " + chart);
        }
        out.flush();
        return 0;
    }

    private static void printTable(PrintWriter out, Song2000.Result r) {
        Song2000.Run f = r.fixed();
        Song2000.Run t = r.twin();
        out.printf("song2000: %d s, seed %d, gmax %s%n", r.seconds(), r.seed(), Song2000.GMAX);
        out.println("                        fixed      float");
        row(out, "fraction_low", f.fractionLow(), t.fractionLow());
        row(out, "fraction_high", f.fractionHigh(), t.fractionHigh());
        row(out, "mean_w / gmax", f.meanW() / Song2000.GMAX, t.meanW() / Song2000.GMAX);
        out.printf("%-20s %10.1f %10.1f%n", "rate_first_10s (Hz)", f.rateFirst10s(), t.rateFirst10s());
        out.printf("%-20s %10.1f %10.1f%n", "rate_last_10s (Hz)", f.rateLast10s(), t.rateLast10s());
        out.printf("%-20s %10d %10d%n", "pre_events", f.preEvents(), t.preEvents());
        out.printf("%-20s %10d %10d%n", "post_spikes", f.postSpikes(), t.postSpikes());
        out.printf("%-20s %10d %10d%n", "wall_ms", f.wallMs(), t.wallMs());
        out.println();
        out.println("  time_s    rate  rate_float  mean_w/gmax  float     low  float    high  float");
        for (int k = 0; k < f.timeline().size(); k++) {
            Song2000.TimelinePoint a = f.timeline().get(k);
            Song2000.TimelinePoint b = t.timeline().get(k);
            out.printf("%8.0f %7.1f %11.1f %12.3f %6.3f %7.3f %6.3f %7.3f %6.3f%n", a.timeS(), a.rate(), b.rate(),
                    a.meanW() / Song2000.GMAX, b.meanW() / Song2000.GMAX, a.fractionLow(), b.fractionLow(),
                    a.fractionHigh(), b.fractionHigh());
        }
        out.println();
        out.println("w/gmax bin   fixed  float");
        for (int b = 0; b < Song2000.BINS; b++) {
            out.printf("%4.2f-%4.2f %7d %6d%n", (double) b / Song2000.BINS, (b + 1.0) / Song2000.BINS,
                    f.hist20().get(b), t.hist20().get(b));
        }
        out.printf("%npostsynaptic spike trains identical until %.4f s%n", r.identicalUntilS());
        out.printf("network state: %,d bytes%n", r.stateBytes());
    }

    private static void row(PrintWriter out, String name, double fixed, double floating) {
        out.printf("%-20s %10.3f %10.3f%n", name, fixed, floating);
    }
}
