package dev.aplysia.host.report;

import java.math.BigDecimal;
import java.util.Locale;

/** How numbers are written into a table: exactly for machines, rounded for people. */
enum Notation {

    /** Shortest exact decimal, no grouping, an empty cell when absent: for CSV. */
    PLAIN {
        @Override
        String real(double value) {
            return Double.isFinite(value) ? BigDecimal.valueOf(value).toPlainString() : Double.toString(value);
        }

        @Override
        String count(long value) {
            return Long.toString(value);
        }

        @Override
        String absent() {
            return "";
        }
    },

    /** Three decimals, thousands grouped in counts, a dash when absent: for markdown. */
    READABLE {
        @Override
        String real(double value) {
            return String.format(Locale.ROOT, "%.3f", value);
        }

        @Override
        String count(long value) {
            return String.format(Locale.ROOT, "%,d", value);
        }

        @Override
        String absent() {
            return "–";
        }
    };

    abstract String real(double value);

    abstract String count(long value);

    /** The cell of a value this row does not have. */
    abstract String absent();
}
