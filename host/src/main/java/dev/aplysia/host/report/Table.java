package dev.aplysia.host.report;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A table of text cells, written as CSV (machine keys) or as a markdown table (headings for people).
 *
 * @param columns the columns, in order
 * @param rows    the rows, each with one cell per column
 */
record Table(List<Column> columns, List<List<String>> rows) {

    /** A column: its CSV key and its markdown heading. */
    record Column(String key, String heading) {
    }

    Table {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** RFC 4180: a header of keys, CRLF line ends, a field quoted when it holds a comma, quote or line break. */
    String csv() {
        StringBuilder out = new StringBuilder();
        csvLine(out, columns.stream().map(Column::key).toList());
        rows.forEach(row -> csvLine(out, row));
        return out.toString();
    }

    /** A GitHub-flavoured markdown table; a {@code |} inside a cell is escaped. */
    String markdown() {
        StringBuilder out = new StringBuilder();
        markdownLine(out, columns.stream().map(Column::heading).toList());
        markdownLine(out, columns.stream().map(c -> "---").toList());
        rows.forEach(row -> markdownLine(out, row));
        return out.toString();
    }

    static String csvField(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\r") || cell.contains("\n")) {
            return '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }

    private static void csvLine(StringBuilder out, List<String> cells) {
        out.append(cells.stream().map(Table::csvField).collect(Collectors.joining(","))).append("\r\n");
    }

    private static void markdownLine(StringBuilder out, List<String> cells) {
        out.append(cells.stream().map(c -> c.replace("|", "\\|")).collect(Collectors.joining(" | ", "| ", " |")))
                .append('\n');
    }
}
