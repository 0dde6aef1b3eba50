package dev.tenet.cli;

import dev.tenet.rules.TenetInputException;
import dev.tenet.rules.baseline.Baseline;
import dev.tenet.rules.finding.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tenet baseline [DIR]}: records today's findings so that {@code tenet check} reports only new ones. */
@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = {"Record the current findings in DIR/.tenet/baseline.json; 'tenet check' then reports only new ones.",
            "Re-run it to drop findings that were fixed. Tenet never creates a baseline on its own."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:Baseline written.", ExitCodes.USAGE_TEXT, ExitCodes.INTERNAL_TEXT})
final class BaselineCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engine;

    @Override
    public Integer call() {
        if (Files.isRegularFile(engine.directory)) {
            // The baseline of one file would replace the tree's baseline and drop every other entry.
            throw new TenetInputException(engine.directory.toString(), 0, "a baseline records a whole tree; give a directory");
        }
        EngineOptions.Run run = engine.run(spec.commandLine().getErr(), TerminalProgress.wanted());
        List<Finding> findings = run.result().findings();
        Path file = Baseline.fileIn(run.root());
        Baseline previous = Baseline.load(file);
        Baseline next = Baseline.of(findings);
        next.write(file);
        int dropped = previous.filter(findings).fixed();
        var out = spec.commandLine().getOut();
        out.printf("Recorded %d finding%s in %s", next.size(), next.size() == 1 ? "" : "s", file);
        out.println(dropped > 0 ? "; " + dropped + " fixed finding" + (dropped == 1 ? "" : "s") + " dropped." : ".");
        return ExitCodes.OK;
    }
}
