package dev.tenet.cli;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.tenet.rules.archfixture.RulesCallingTheCli;
import org.junit.jupiter.api.Test;

/**
 * The module arrows of DESIGN.md, checked on the compiled classes of every module (the cli module
 * sees them all): cli uses everything; mcp-server uses review-bot, scaffolder and context-rules;
 * review-bot and scaffolder use only context-rules; nothing points up. Each module is one package
 * tree, so a module is its package.
 */
@AnalyzeClasses(packages = "dev.tenet", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTests {
    @ArchTest
    static final ArchRule modulesDependOnlyDownwards = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("cli").definedBy("dev.tenet.cli..")
            .layer("mcp-server").definedBy("dev.tenet.mcp..")
            .layer("review-bot").definedBy("dev.tenet.review..")
            .layer("scaffolder").definedBy("dev.tenet.scaffold..")
            .layer("context-rules").definedBy("dev.tenet.rules..")
            .whereLayer("cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("mcp-server").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("review-bot").mayOnlyBeAccessedByLayers("mcp-server", "cli")
            .whereLayer("scaffolder").mayOnlyBeAccessedByLayers("mcp-server", "cli")
            .whereLayer("context-rules").mayOnlyBeAccessedByLayers("review-bot", "scaffolder", "mcp-server", "cli");

    @Test
    void theRuleCatchesAnUpwardDependency() {
        JavaClasses classes = new ClassFileImporter().importClasses(RulesCallingTheCli.class, TenetCommand.class);
        assertThat(modulesDependOnlyDownwards.evaluate(classes).getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains(RulesCallingTheCli.class.getName()).contains(TenetCommand.class.getName()));
    }
}
