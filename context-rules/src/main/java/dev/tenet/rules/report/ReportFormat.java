package dev.tenet.rules.report;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The output formats a report can be written in, and the reporter for each. */
public enum ReportFormat {
    TEXT("txt"),
    JSON("json"),
    SARIF("sarif"),
    MARKDOWN("md");

    private final String fileExtension;

    ReportFormat(String fileExtension) {
        this.fileExtension = fileExtension;
    }

    /** The name users type: {@code text}, {@code json}, {@code sarif} or {@code markdown}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The usual file extension, without the dot. */
    public String fileExtension() {
        return fileExtension;
    }

    /**
     * The reporter for this format.
     *
     * @param colour whether the text format may use ANSI colours (ignored by the others)
     * @param base   the checked root as the text format shows it (relative to the working directory, or
     *               absolute); the machine formats keep paths relative to the root
     * @return a new reporter
     */
    public Reporter reporter(boolean colour, Path base) {
        return switch (this) {
            case TEXT -> new TextReporter(colour, base);
            case JSON -> new JsonReporter();
            case SARIF -> new SarifReporter();
            case MARKDOWN -> new MarkdownReporter();
        };
    }

    /** Parses a format name (case-insensitive; {@code md} is accepted for markdown); the error lists the valid names. */
    public static ReportFormat parse(String text) {
        String name = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (ReportFormat format : values()) {
            if (format.label().equals(name) || format == MARKDOWN && name.equals("md")) {
                return format;
            }
        }
        String valid = Arrays.stream(values()).map(ReportFormat::label).collect(Collectors.joining(", "));
        throw new IllegalArgumentException("unknown report format '" + text + "' (expected one of: " + valid + ")");
    }
}
