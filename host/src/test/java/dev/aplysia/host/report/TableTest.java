package dev.aplysia.host.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aplysia.host.report.Table.Column;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {

    private static final Table TABLE = new Table(List.of(new Column("learner", "who"), new Column("reads", "what")),
            List.of(List.of("device, consolidation", "a \"trace\""), List.of("backprop", "x | y")));

    @Test
    void csvQuotesFieldsWithACommaOrAQuoteAndDoublesTheQuotes() {
        assertEquals("learner,reads\r\n\"device, consolidation\",\"a \"\"trace\"\"\"\r\nbackprop,x | y\r\n",
                TABLE.csv());
    }

    @Test
    void csvQuotesFieldsWithALineBreak() {
        assertEquals("\"two\nlines\"", Table.csvField("two\nlines"));
    }

    @Test
    void markdownUsesHeadingsAndEscapesPipes() {
        assertEquals("| who | what |\n| --- | --- |\n| device, consolidation | a \"trace\" |\n| backprop | x \\| y |\n",
                TABLE.markdown());
    }
}
