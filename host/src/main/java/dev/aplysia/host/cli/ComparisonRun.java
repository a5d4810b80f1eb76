package dev.aplysia.host.cli;

import dev.aplysia.node.BrokerOptions;
import dev.aplysia.device.telemetry.mqtt.PahoTransport;
import dev.aplysia.fixtures.Fixtures;
import dev.aplysia.host.experiment.Comparison;
import dev.aplysia.host.experiment.ComparisonReport;
import dev.aplysia.host.experiment.Phases;
import dev.aplysia.host.report.ReportWriter;
import dev.aplysia.host.report.RunMetadata;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * Runs the host side of a comparison against a device on a broker, writes the report with the run's metadata, prints
 * where it went. Progress, a start and a done line per phase, goes to {@code err}.
 */
final class ComparisonRun {

    private ComparisonRun() {
    }

    static ComparisonReport run(String url, String deviceId, BrokerOptions broker, ComparisonOptions options,
                                PrintWriter out, PrintWriter err) throws Exception {
        String clientId = "aplysia-host-" + ProcessHandle.current().pid();
        Consumer<String> progress = line -> {
            err.println(line);
            err.flush();
        };
        RunMetadata run = RunMetadata.capture(options.plan(), Clock.systemUTC(), Path.of("").toAbsolutePath());
        Comparison comparison = new Comparison(new PahoTransport(broker.settings(url, clientId)), deviceId, url,
                options.plan(), Fixtures.optdigits(), progress);
        ComparisonReport report = comparison.run();
        Phases.Phase writing = new Phases(progress, System::nanoTime).start("report writing");
        ReportWriter.write(report, run, options.out);
        writing.done();
        out.println(summary(report));
        out.println("report: " + options.out.resolve("report.md"));
        out.flush();
        return report;
    }

    private static String summary(ComparisonReport r) {
        var device = r.learningCurve().device();
        var backprop = r.learningCurve().backprop();
        return String.format("final accuracy after one pass: device %.3f, backprop %.3f (offline %d epochs: %.3f)",
                device.isEmpty() ? Double.NaN : device.get(device.size() - 1).accuracy(),
                backprop.get(backprop.size() - 1).accuracy(), r.learningCurve().backpropOfflineEpochs(),
                r.learningCurve().backpropOffline());
    }
}
