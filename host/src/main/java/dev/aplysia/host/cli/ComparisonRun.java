package dev.aplysia.host.cli;

import dev.aplysia.device.telemetry.mqtt.PahoTransport;
import dev.aplysia.fixtures.Fixtures;
import dev.aplysia.host.experiment.Comparison;
import dev.aplysia.host.experiment.ComparisonReport;
import dev.aplysia.host.report.ReportWriter;
import java.io.PrintWriter;

/** Runs the host side of a comparison against a device on a broker, writes the report, prints where it went. */
final class ComparisonRun {

    private ComparisonRun() {
    }

    static ComparisonReport run(String url, String deviceId, BrokerOptions broker, ComparisonOptions options,
                                PrintWriter out, PrintWriter err) throws Exception {
        String clientId = "aplysia-host-" + ProcessHandle.current().pid();
        Comparison comparison = new Comparison(new PahoTransport(broker.settings(url, clientId)), deviceId, url,
                options.plan(), Fixtures.optdigits(), line -> {
                    err.println(line);
                    err.flush();
                });
        ComparisonReport report = comparison.run();
        ReportWriter.write(report, options.out);
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
