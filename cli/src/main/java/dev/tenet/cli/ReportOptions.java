package dev.tenet.cli;

import dev.tenet.rules.TenetInputException;
import dev.tenet.rules.io.AtomicFiles;
import dev.tenet.rules.report.Report;
import dev.tenet.rules.report.ReportFormat;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** How a report is printed: format, colour and an optional output file (written whole or not at all). */
final class ReportOptions {
    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json, sarif or markdown. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
    Path output;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "Colour text output: auto (on a terminal), always or never. Default: ${DEFAULT-VALUE}.")
    String color;

    ReportFormat format(CommandSpec spec) {
        try {
            return ReportFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid --format: " + e.getMessage());
        }
    }

    /** Writes a report whose paths are relative to a root that is not on this machine (a pull request). */
    void write(CommandSpec spec, ReportFormat reportFormat, Report report) throws IOException {
        write(spec, reportFormat, report, Path.of(""));
    }

    /**
     * Writes a report of a checked root on disk: the text format shows each finding's path from the
     * working directory (or absolute, when the root is outside it), so terminals and editors can open it.
     */
    void write(CommandSpec spec, ReportFormat reportFormat, Report report, Path root) throws IOException {
        boolean colour = switch (color) {
            case "always" -> true;
            case "never" -> false;
            case "auto" -> output == null && System.console() != null && System.getenv("NO_COLOR") == null;
            default -> throw new ParameterException(spec.commandLine(), "Invalid --color '" + color + "' (expected auto, always or never)");
        };
        StringWriter text = new StringWriter();
        reportFormat.reporter(colour, shownFromWorkingDirectory(root)).write(report, text);
        if (output == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        } else {
            writeAtomically(output, text.toString());
            spec.commandLine().getErr().println(report.summary() + " Report written to " + output + ".");
        }
    }

    static Path shownFromWorkingDirectory(Path root) {
        if (root.toString().isEmpty()) {
            return root;
        }
        Path cwd = Path.of("").toAbsolutePath().normalize();
        Path absolute = root.toAbsolutePath().normalize();
        return absolute.startsWith(cwd) ? cwd.relativize(absolute) : absolute;
    }

    private static void writeAtomically(Path file, String content) {
        try {
            AtomicFiles.write(file, content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TenetInputException(file.toString(), 0, "cannot write the report: " + e.getMessage());
        }
    }
}
