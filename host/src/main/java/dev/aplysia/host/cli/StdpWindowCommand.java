package dev.aplysia.host.cli;

import dev.aplysia.device.model.ProjectionSpec;
import dev.aplysia.device.protocol.StdpWindow;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code aplysia core stdp-window}: weight change against spike timing for one pre/post pair. */
@Command(name = "stdp-window", mixinStandardHelpOptions = true,
        description = {"Pair STDP (A+ = 0.01, A- = -0.0105, tau+ = tau- = 20 ms): the weight change, in real weight"
                + " units, of one pre/post pair for each dt = t_post - t_pre from -100 to +100 ms, fixed-point core"
                + " (stochastic rounding, so each point is one of the two weight steps around the exact value)"
                + " and float twin."})
final class StdpWindowCommand implements Callable<Integer> {

    @Option(names = "--seed", defaultValue = "1",
            description = "Seed of the stochastic rounding (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print {\"protocol\":\"stdp-window\",\"points\":[...]} as one line.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        StdpWindow.Result result = StdpWindow.run(seed);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JsonOutput.of(new ProtocolOutput("stdp-window", result.points())));
        } else {
            out.println("dt_ms          dw    dw_float");
            for (StdpWindow.Point p : result.points()) {
                out.printf("%5d  %10.6f  %10.6f%n", p.dtMs(), p.dw(), p.dwFloat());
            }
            out.printf("max |dw - dw_float|: %.2f weight steps (one step = %.3g)%n", result.maxErrorSteps(),
                    ProjectionSpec.WEIGHT.step());
        }
        out.flush();
        return 0;
    }
}
