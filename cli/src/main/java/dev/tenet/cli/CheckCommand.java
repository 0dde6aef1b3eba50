package dev.tenet.cli;

import dev.tenet.rules.Severity;
import dev.tenet.rules.TenetInputException;
import dev.tenet.rules.baseline.Baseline;
import dev.tenet.rules.baseline.BaselineResult;
import dev.tenet.rules.finding.Finding;
import dev.tenet.rules.report.JsonOutput;
import dev.tenet.rules.report.Report;
import dev.tenet.rules.report.ReportFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tenet check [DIR]}: checks a tree against the rules in force and reports what is new. */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Check a tree (default: the current directory) against the rules in force.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.OK_TEXT, ExitCodes.FINDINGS_TEXT, ExitCodes.USAGE_TEXT, ExitCodes.INTERNAL_TEXT})
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engine;

    @Mixin
    ReportOptions report;

    @Mixin
    FindingGateOptions gate;

    @Override
    public Integer call() throws Exception {
        Severity threshold = gate.threshold(spec);
        ReportFormat format = report.format(spec);
        if (format == ReportFormat.JSON || format == ReportFormat.SARIF) {
            InBackground.start("tenet-report-load", () -> {
                JsonOutput.warmUp();
                return null;
            });
        }
        EngineOptions.Run run = engine.run(spec.commandLine().getErr(), format == ReportFormat.TEXT && TerminalProgress.wanted());
        if (run.result().filesChecked() == 0) {
            throw new TenetInputException(engine.directory.toString(), 0,
                    "no Java file to check (none there, or all excluded by .tenet/config.yml or as test sources)");
        }
        List<Finding> findings = run.result().findings();
        int baselined = 0;
        Baseline baseline = !gate.useBaseline() ? Baseline.empty() : Baseline.load(Baseline.fileIn(run.root()));
        if (!baseline.isEmpty()) {
            BaselineResult filtered = baseline.filter(findings);
            findings = filtered.newFindings();
            baselined = filtered.baselined();
        }
        Report result = Report.of(findings, run.catalog(), displayName(run.root()), run.result().filesChecked(), baselined)
                .withCallCoverage(run.result().calls(), run.result().unresolvedCalls())
                .withNotices(run.result().notices());
        report.write(spec, format, result, run.root());
        boolean failing = threshold != null && findings.stream().anyMatch(f -> f.severity().isAtLeast(threshold));
        return failing ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private String displayName(Path root) {
        Path cwd = Path.of("").toAbsolutePath();
        return root.startsWith(cwd) && !root.equals(cwd) ? cwd.relativize(root).toString() : root.toString();
    }
}
