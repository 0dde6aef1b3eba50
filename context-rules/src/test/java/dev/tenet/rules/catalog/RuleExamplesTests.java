package dev.tenet.rules.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.rules.finding.Finding;
import dev.tenet.rules.testing.Codebase;
import dev.tenet.rules.testing.MarkedCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Do and Don't code of every rule with a check is executable, with the expected hits marked inline
 * as in the check tests ({@code // VIOLATION: rule.id} on each line a finding must start on): every
 * Don't example has at least one mark and its check flags exactly the marked lines; no Do example has
 * a mark, and its check flags nothing.
 */
class RuleExamplesTests {
    private static final Pattern MARK = Pattern.compile("(?://|#)\\s*VIOLATION:\\s*([\\w.-]+)");

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> everyDontExampleIsFlaggedOnExactlyItsMarkedLines() {
        return examples(RuleBody.DONT).map(example -> DynamicTest.dynamicTest(example.name(), () -> {
            assertThat(marks(example.code())).as("%s: its Don't example marks the lines its check flags (// VIOLATION: %s):%n%s",
                    example.name(), example.rule().id(), example.code()).isNotEmpty().containsOnly(example.rule().id());
            MarkedCode.assertFindings(Files.createTempDirectory(temp, "example"), List.of(example.rule().id()), example.code());
        }));
    }

    @TestFactory
    Stream<DynamicTest> noDoExampleIsFlaggedByItsCheck() {
        return examples(RuleBody.DO).map(example -> DynamicTest.dynamicTest(example.name(), () -> {
            assertThat(marks(example.code())).as("%s: a Do example marks nothing", example.name()).isEmpty();
            List<Finding> findings = new Codebase(Files.createTempDirectory(temp, "example")).add(example.code())
                    .check(example.rule().id());
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

    private static List<String> marks(String code) {
        List<String> rules = new ArrayList<>();
        Matcher mark = MARK.matcher(code);
        while (mark.find()) {
            rules.add(mark.group(1));
        }
        return rules;
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
