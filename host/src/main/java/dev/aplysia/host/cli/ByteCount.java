package dev.aplysia.host.cli;

import picocli.CommandLine;

/** Parses a byte count: a positive whole number of bytes, or of KiB with the suffix K ({@code 16K} = 16384). */
final class ByteCount implements CommandLine.ITypeConverter<Long> {

    private static final long MAX = 1L << 40;

    @Override
    public Long convert(String value) {
        String digits = value.endsWith("K") || value.endsWith("k") ? value.substring(0, value.length() - 1) : value;
        long unit = digits.length() == value.length() ? 1 : 1024;
        long count;
        try {
            count = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a byte count (e.g. 16384 or 16K)");
        }
        if (count < 1 || count > MAX / unit) {
            throw new CommandLine.TypeConversionException("'" + value + "' must be between 1 byte and 1T");
        }
        return count * unit;
    }
}
