package dev.aplysia.host.cli;

import dev.aplysia.device.protocol.FiCurve;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code aplysia core fi-curve}: firing rate against constant input for one LIF neuron, fixed point and float. */
@Command(name = "fi-curve", mixinStandardHelpOptions = true,
        description = {"Spikes in 1 s of one LIF neuron (tau_m 20 ms, dt 0.1 ms, threshold 1, reset 0, refractory"
                + " 2 ms) for constant inputs I = 0.0, 0.1, ..., 3.0: fixed-point core, float twin, and the analytic"
                + " rate 1/(t_ref + tau ln(I/(I-1)))."})
final class FiCurveCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print {\"protocol\":\"fi-curve\",\"points\":[...]} as one line.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        FiCurve.Result result = FiCurve.run();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JsonOutput.of(new ProtocolOutput("fi-curve", result.points())));
        } else {
            out.println("current  spikes  spikes_float  analytic_rate");
            for (FiCurve.Point p : result.points()) {
                out.printf("%7.1f  %6d  %12d  %13.2f%n", p.current(), p.spikes(), p.spikesFloat(), p.analyticRate());
            }
            out.printf("max deviation from the analytic rate: %.2f spikes/s (fixed), %.2f (float)%n",
                    result.maxDeviation(), result.maxDeviationFloat());
        }
        out.flush();
        return 0;
    }
}
