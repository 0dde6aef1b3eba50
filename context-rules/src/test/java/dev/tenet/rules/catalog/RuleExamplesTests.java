package dev.tenet.rules.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.rules.finding.Finding;
import dev.tenet.rules.testing.Codebase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** The Do and Don't code of every rule with a check is executable: Don't is flagged, Do is not. */
class RuleExamplesTests {
    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> everyDontExampleIsFlaggedByItsCheck() {
        return examples(RuleBody.DONT).map(example -> DynamicTest.dynamicTest(example.name(), () -> {
            List<Finding> findings = check(example);
            assertThat(findings).as("%s must flag its Don't example:%n%s", example.rule().id(), example.code()).isNotEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> noDoExampleIsFlaggedByItsCheck() {
        return examples(RuleBody.DO).map(example -> DynamicTest.dynamicTest(example.name(), () -> {
            List<Finding> findings = check(example);
            assertThat(findings).as("%s must not flag its Do example:%n%s", example.rule().id(), example.code())
                    .extracting(Finding::render).isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyRuleWithACheckHasExecutableExamples() {
        return RuleCatalog.builtin().all().stream().filter(Rule::hasCheck).map(rule -> DynamicTest.dynamicTest(rule.id(), () -> {
            assertThat(rule.body().codeBlocks(RuleBody.DO, "java")).as("Do examples of " + rule.id()).isNotEmpty();
            assertThat(rule.body().codeBlocks(RuleBody.DONT, "java")).as("Don't examples of " + rule.id()).isNotEmpty();
        }));
    }

    private List<Finding> check(Example example) throws IOException {
        Path dir = Files.createTempDirectory(temp, "example");
        return new Codebase(dir).add(example.code()).check(example.rule().id());
    }

    private static Stream<Example> examples(String section) {
        return RuleCatalog.builtin().all().stream().filter(Rule::hasCheck).flatMap(rule -> {
            List<String> blocks = rule.body().codeBlocks(section, "java");
            return java.util.stream.IntStream.range(0, blocks.size())
                    .mapToObj(i -> new Example(rule, section, i + 1, blocks.get(i)));
        });
    }

    private record Example(Rule rule, String section, int index, String code) {
        String name() {
            return rule.id() + " " + section + " #" + index;
        }
    }
}
