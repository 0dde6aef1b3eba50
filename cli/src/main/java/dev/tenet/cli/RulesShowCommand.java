package dev.tenet.cli;

import dev.tenet.rules.TenetInputException;
import dev.tenet.rules.catalog.Rule;
import dev.tenet.rules.catalog.RuleCatalog;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tenet rules show ID}: one rule's metadata and Markdown. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one rule: metadata, Why, Do, Don't, How to fix.")
final class RulesShowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The rule id, e.g. pipeline.outbox-dual-write.")
    String id;

    @Option(names = "--repo", paramLabel = "DIR", defaultValue = ".", description = "Repository whose .tenet/rules are added. Default: current directory.")
    Path repository;

    @Override
    public Integer call() {
        RuleCatalog catalog = RuleCatalog.forRepository(repository);
        Rule rule = catalog.find(id).orElseThrow(() -> new TenetInputException("unknown rule id '" + id + "'"
                + Suggestions.closest(id, catalog.all().stream().map(Rule::id).toList()).map(s -> "; did you mean '" + s + "'?").orElse("")
                + " (see 'tenet rules list')"));
        var out = spec.commandLine().getOut();
        out.println(rule.id() + " — " + rule.summary());
        out.println("severity: " + rule.severity().label() + "   category: " + rule.category() + "   tags: " + String.join(", ", rule.tags()));
        out.println("check: " + rule.check().map(c -> c + " (machine-checked)").orElse("none (guidance only)")
                + "   since: " + rule.since() + "   source: " + rule.source());
        out.println();
        out.println(rule.body().markdown().strip());
        return ExitCodes.OK;
    }
}
