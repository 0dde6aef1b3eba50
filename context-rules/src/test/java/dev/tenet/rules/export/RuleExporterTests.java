package dev.tenet.rules.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenet.rules.TenetInputException;
import dev.tenet.rules.catalog.Rule;
import dev.tenet.rules.catalog.RuleCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exporters on the built-in catalog: each format's files, marked sections, and plans against a folder. */
class RuleExporterTests {
    private static final RuleCatalog CATALOG = RuleCatalog.builtin();

    @TempDir
    Path dir;

    @Test
    void cursorWritesOneRuleFilePerRuleWithFrontMatter() {
        List<ExportedFile> files = RuleExporter.files(CATALOG, ExportFormat.CURSOR);
        assertThat(files).hasSize(CATALOG.all().size()).allSatisfy(f -> {
            assertThat(f.path()).startsWith(".cursor/rules/tenet-").endsWith(".mdc");
            assertThat(f.section()).isFalse();
            assertThat(f.content()).startsWith("---\ndescription: ").contains("\nalwaysApply: false\n---\n");
        });
    }

    @Test
    void claudeAndAgentsAreOneSectionListingEveryRule() {
        ExportedFile claude = RuleExporter.files(CATALOG, ExportFormat.CLAUDE).get(0);
        ExportedFile agents = RuleExporter.files(CATALOG, ExportFormat.AGENTS).get(0);
        assertThat(claude.path()).isEqualTo("CLAUDE.md");
        assertThat(agents.path()).isEqualTo("AGENTS.md");
        assertThat(List.of(claude, agents)).allSatisfy(f -> {
            assertThat(f.section()).isTrue();
            CATALOG.all().forEach(rule -> assertThat(f.content()).contains("`" + rule.id() + "`"));
        });
    }

    @Test
    void copilotHasAShortIndexAndOneInstructionsFilePerRuleAppliedToTheRulesGlobs() {
        List<ExportedFile> files = RuleExporter.files(CATALOG, ExportFormat.COPILOT);
        ExportedFile index = files.get(0);
        Rule domain = CATALOG.find("layering.domain-no-framework").orElseThrow();
        Rule lagAlerting = CATALOG.find("pipeline.consumer-lag-alerting").orElseThrow();

        assertThat(index.path()).isEqualTo(".github/copilot-instructions.md");
        assertThat(index.section()).isTrue();
        assertThat(index.content().length()).as("the index rides along on every request").isLessThan(6_000);
        assertThat(index.content()).contains(".github/instructions/tenet-<id>.instructions.md", "`layering.domain-no-framework`");
        assertThat(files.subList(1, files.size())).hasSize(CATALOG.all().size()).allSatisfy(f -> {
            assertThat(f.path()).startsWith(".github/instructions/tenet-").endsWith(".instructions.md");
            assertThat(f.section()).isFalse();
            assertThat(f.content()).startsWith("---\ndescription: ").doesNotContain("applyTo: \"**/*\"");
        });
        assertThat(file(files, domain).content()).startsWith("---\ndescription: " + domain.summary() + "\napplyTo: \"**/domain/**/*.java\"\n---\n")
                .contains(domain.body().markdown().strip());
        assertThat(file(files, CATALOG.find("layering.controller-returns-dto").orElseThrow()).content())
                .contains("\napplyTo: \"**/*Controller.java,**/web/**/*.java,**/presentation/**/*.java\"\n");
        assertThat(file(files, lagAlerting).content()).as("a rule about everything is not attached to every file")
                .doesNotContain("applyTo:").startsWith("---\ndescription: " + lagAlerting.summary() + "\n---\n");
    }

    private static ExportedFile file(List<ExportedFile> files, Rule rule) {
        return files.stream().filter(f -> f.path().equals(".github/instructions/tenet-" + rule.id() + ".instructions.md")).findFirst().orElseThrow();
    }

    @Test
    void aMarkedSectionIsReplacedKeepingTheTeamsText() {
        String first = MarkedSection.merge("CLAUDE.md", Optional.of("# Ours\n"), "old");
        assertThat(first).isEqualTo("# Ours\n\n" + MarkedSection.BEGIN + "\nold\n" + MarkedSection.END + "\n");
        assertThat(MarkedSection.merge("CLAUDE.md", Optional.of(first + "tail\n"), "new"))
                .isEqualTo("# Ours\n\n" + MarkedSection.BEGIN + "\nnew\n" + MarkedSection.END + "\ntail\n");
    }

    @Test
    void brokenMarkersAreRefusedNamingTheFileAndLine() {
        assertThatThrownBy(() -> MarkedSection.merge("AGENTS.md", Optional.of("a\n" + MarkedSection.END + "\n"), "x"))
                .isInstanceOf(TenetInputException.class).hasMessageContaining("AGENTS.md").hasMessageContaining("markers are broken");
    }

    @Test
    void aPlanCreatesThenFindsNoDriftThenDeletesFilesOfRemovedRules() throws Exception {
        List<ExportFormat> formats = List.of(ExportFormat.CURSOR, ExportFormat.CLAUDE);
        ExportPlan first = ExportPlan.of(CATALOG, formats, dir);
        assertThat(first.changes()).allMatch(c -> c.action() == ExportPlan.Action.CREATE);
        first.apply();
        assertThat(ExportPlan.of(CATALOG, formats, dir).drift()).isEmpty();

        Files.writeString(dir.resolve(".cursor/rules/tenet-gone.rule.mdc"), "old");
        assertThat(ExportPlan.of(CATALOG, formats, dir).drift())
                .containsExactly(new ExportPlan.Change(".cursor/rules/tenet-gone.rule.mdc", ExportPlan.Action.DELETE, Optional.empty()));
    }
}
