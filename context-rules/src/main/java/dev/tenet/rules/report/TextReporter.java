package dev.tenet.rules.report;

import dev.tenet.rules.Severity;
import dev.tenet.rules.finding.Finding;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The report for people at a terminal: findings grouped by file, one line each with its fix
 * below, then a summary line; ANSI colour only when the caller asks for it.
 */
public final class TextReporter implements Reporter {
    private static final String RESET = "\u001B[0m";
    private static final String BOLD = "\u001B[1m";
    private static final String DIM = "\u001B[2m";
    private static final String RED = "\u001B[31m";
    private static final String GREEN = "\u001B[32m";
    private static final String YELLOW = "\u001B[33m";
    private static final String CYAN = "\u001B[36m";
    private static final int SEVERITY_WIDTH = "warning".length();

    private final boolean colour;

    /** @param colour whether to use ANSI colours (decide from whether the output is a terminal) */
    public TextReporter(boolean colour) {
        this.colour = colour;
    }

    @Override
    public void write(Report report, Appendable out) throws IOException {
        for (Map.Entry<String, List<Finding>> file : report.byFile().entrySet()) {
            out.append(paint(BOLD, file.getKey())).append('\n');
            int lineWidth = file.getValue().stream().mapToInt(f -> String.valueOf(f.startLine()).length()).max().orElse(1) + 1;
            for (Finding finding : file.getValue()) {
                String severity = pad(finding.severity().label(), SEVERITY_WIDTH);
                out.append("  ").append(pad("L" + finding.startLine(), lineWidth)).append("  ")
                        .append(paint(colourOf(finding.severity()), severity)).append("  ")
                        .append(finding.message()).append(' ')
                        .append(paint(DIM, "[" + finding.ruleId() + "]")).append('\n');
                if (!finding.fixHint().isBlank()) {
                    out.append(" ".repeat(2 + lineWidth + 2)).append(paint(DIM, "fix:")).append(' ')
                            .append(finding.fixHint()).append('\n');
                }
            }
            out.append('\n');
        }
        out.append(paint(summaryColour(report), report.summary())).append('\n');
    }

    private String paint(String code, String text) {
        return colour ? code + text + RESET : text;
    }

    private static String colourOf(Severity severity) {
        return switch (severity) {
            case ERROR -> RED;
            case WARNING -> YELLOW;
            case INFO -> CYAN;
        };
    }

    private static String summaryColour(Report report) {
        if (report.isEmpty()) {
            return GREEN;
        }
        return report.count(Severity.ERROR) > 0 ? BOLD + RED : BOLD + YELLOW;
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
