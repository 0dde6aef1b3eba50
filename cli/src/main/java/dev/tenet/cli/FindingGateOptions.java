package dev.tenet.cli;

import dev.tenet.rules.Severity;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Which findings count against a run: the severity that fails it, and whether the baseline's accepted findings are left out. */
final class FindingGateOptions {
    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "warning",
            description = "Exit 1 when a finding is at or above this severity: error, warning, info or never. Default: ${DEFAULT-VALUE}.")
    String failOn;

    @Option(names = "--no-baseline", description = "Report every finding, ignoring .tenet/baseline.json.")
    boolean noBaseline;

    /** The lowest severity that fails the run, or {@code null} for never; a usage error names a bad value. */
    Severity threshold(CommandSpec spec) {
        if (failOn.equalsIgnoreCase("never")) {
            return null;
        }
        try {
            return Severity.parse(failOn);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid --fail-on '" + failOn + "' (expected error, warning, info or never)");
        }
    }

    boolean useBaseline() {
        return !noBaseline;
    }
}
