package dev.tenet.cli;

import dev.tenet.rules.export.ExportFormat;
import dev.tenet.rules.export.ExportPlan;
import dev.tenet.rules.TenetInputException;
import dev.tenet.rules.catalog.RuleCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tenet rules export}: the catalog as Cursor rules, CLAUDE.md, AGENTS.md or Copilot instructions, for assistants without MCP. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write the rules for assistants without MCP: Cursor (.cursor/rules/tenet-*.mdc), Claude Code (CLAUDE.md),",
            "AGENTS.md, GitHub Copilot (.github/copilot-instructions.md + .github/instructions/tenet-*.instructions.md).",
            "In CLAUDE.md, AGENTS.md and copilot-instructions.md only Tenet's marked section is replaced; the rest is kept."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:Written, or (with --check) already up to date.", "1:With --check: the exported files differ from the catalog.",
            ExitCodes.USAGE_TEXT, ExitCodes.INTERNAL_TEXT})
final class RulesExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--format", required = true, split = ",", paramLabel = "FORMAT",
            description = "cursor, claude, agents or copilot (several: comma-separated).")
    List<String> formats = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Folder to write into. Default: the repository (--repo).")
    Path out;

    @Option(names = "--repo", paramLabel = "DIR", defaultValue = ".", description = "Repository whose .tenet/rules are included. Default: current directory.")
    Path repository;

    @Option(names = "--check", description = "Write nothing; exit 1 when the files differ from what the catalog gives (for CI).")
    boolean check;

    @Override
    public Integer call() {
        List<ExportFormat> parsed = new ArrayList<>();
        for (String format : formats) {
            try {
                parsed.add(ExportFormat.parse(format));
            } catch (IllegalArgumentException e) {
                throw new TenetInputException(e.getMessage());
            }
        }
        Path target = out != null ? out : repository;
        ExportPlan plan = ExportPlan.of(RuleCatalog.forRepository(repository), parsed, target);
        var stdout = spec.commandLine().getOut();
        if (check) {
            for (ExportPlan.Change change : plan.drift()) {
                stdout.println("out of date: " + change.path() + " (would " + change.action().name().toLowerCase(Locale.ROOT) + ")");
            }
            if (!plan.drift().isEmpty()) {
                stdout.println("run 'tenet rules export --format " + String.join(",", formats) + "' to update");
                return ExitCodes.FINDINGS;
            }
            stdout.println("up to date: " + plan.changes().size() + " files");
            return ExitCodes.OK;
        }
        plan.apply();
        for (ExportPlan.Change change : plan.changes()) {
            stdout.println(change.action().name().toLowerCase(Locale.ROOT) + " " + change.path());
        }
        return ExitCodes.OK;
    }
}
