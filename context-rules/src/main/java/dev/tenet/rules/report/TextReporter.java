package dev.tenet.rules.report;

import dev.tenet.rules.Severity;
import dev.tenet.rules.finding.Finding;
import dev.tenet.rules.model.Step;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The report for people at a terminal: one line per finding starting with {@code path:line:column}
 * (relative to where the command runs, so terminals and editors open it), its fix and, for a finding
 * found along calls, the steps of its path below; the findings of one file together, then a summary
 * line. ANSI colour only when the caller asks for it.
 */
public final class TextReporter implements Reporter {
    private static final String RESET = "\u001B[0m";
    private static final String BOLD = "\u001B[1m";
    private static final String DIM = "\u001B[2m";
    private static final String RED = "\u001B[31m";
    private static final String GREEN = "\u001B[32m";
    private static final String YELLOW = "\u001B[33m";
    private static final String CYAN = "\u001B[36m";
    private static final String INDENT = "    ";

    private final boolean colour;
    private final Path base;

    /**
     * @param colour whether to use ANSI colours (decide from whether the output is a terminal)
     * @param base   the checked root as it should be shown: relative to the working directory (empty
     *               when it is the working directory) or absolute; findings' paths are resolved against it
     */
    public TextReporter(boolean colour, Path base) {
        this.colour = colour;
        this.base = base;
    }

    @Override
    public void write(Report report, Appendable out) throws IOException {
        for (Map.Entry<String, List<Finding>> file : report.byFile().entrySet()) {
            for (Finding finding : file.getValue()) {
                out.append(paint(BOLD, shown(finding.position())))
                        .append(": ").append(paint(colourOf(finding.severity()), finding.severity().label())).append(": ")
                        .append(finding.message()).append(' ')
                        .append(paint(DIM, "[" + finding.ruleId() + "]"))
                        .append(finding.isLlm() ? " " + paint(CYAN, "(" + finding.origin().label() + ")") : "").append('\n');
                if (!finding.fixHint().isBlank()) {
                    out.append(INDENT).append(paint(DIM, "fix:")).append(' ').append(finding.fixHint()).append('\n');
                }
                writeSteps("path:", finding.path(), out);
                writeSteps("related:", finding.related(), out);
            }
            out.append('\n');
        }
        out.append(paint(summaryColour(report), report.summary())).append('\n');
        for (String notice : report.notices()) {
            out.append(paint(CYAN, "note: ")).append(notice).append('\n');
        }
    }

    private void writeSteps(String title, List<Step> steps, Appendable out) throws IOException {
        if (steps.isEmpty()) {
            return;
        }
        out.append(INDENT).append(paint(DIM, title)).append('\n');
        for (Step step : steps) {
            out.append(INDENT).append("  ").append(shown(step.position())).append("  ").append(step.label()).append('\n');
        }
    }

    /** A finding's {@code path:line[:column]} as the user can open it from the working directory. */
    private String shown(String position) {
        return base.toString().isEmpty() ? position : base + java.io.File.separator + position;
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

}
