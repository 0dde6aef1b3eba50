package dev.tenet.rules.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.rules.Severity;
import dev.tenet.rules.checks.BuiltinChecks;
import dev.tenet.rules.engine.Check;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Conventions every built-in rule keeps; one test for the whole catalog. */
class CatalogConventionsTests {
    static final Set<String> CATEGORIES = Set.of("tenet", "layering", "pipeline", "resilience", "caching", "process");
    static final Set<String> KNOWN_TAGS = Set.of("tenet", "syntax", "layering", "clean-architecture", "dependency-inversion",
            "ports", "api", "kafka", "outbox", "transactions", "ordering", "idempotency", "consumer", "error-handling",
            "dead-letter", "threading", "http", "timeouts", "circuit-breaker", "redis", "cache", "ttl", "spec", "design",
            "experiments", "ab-testing", "observability", "alerting", "cqrs", "performance", "invalidation", "retries",
            "batch", "schema", "partitioning", "database", "security");

    private final List<Rule> rules = List.copyOf(RuleCatalog.builtin().all());

    @Test
    void theCatalogHasAtLeast24RulesAnd14WithAMachineCheck() {
        assertThat(rules).hasSizeGreaterThanOrEqualTo(24);
        assertThat(rules.stream().filter(Rule::hasCheck)).hasSizeGreaterThanOrEqualTo(14);
    }

    @Test
    void ruleIdsAreUniqueAndDotted() {
        Set<String> seen = new HashSet<>();
        for (Rule rule : rules) {
            assertThat(seen.add(rule.id())).as("duplicate id " + rule.id()).isTrue();
            assertThat(rule.id()).matches("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+");
            assertThat(rule.id()).as("id starts with its category").startsWith(rule.category() + ".");
        }
    }

    @Test
    void summariesAreOneLineWithoutATrailingPeriod() {
        for (Rule rule : rules) {
            assertThat(rule.summary()).as(rule.id()).doesNotContain("\n").doesNotEndWith(".").hasSizeLessThanOrEqualTo(100);
            assertThat(Character.isUpperCase(rule.summary().charAt(0))).as(rule.id() + " summary starts upper-case").isTrue();
        }
    }

    @Test
    void severitiesCategoriesAndTagsAreKnown() {
        for (Rule rule : rules) {
            assertThat(rule.severity()).isIn((Object[]) Severity.values());
            assertThat(rule.category()).as(rule.id()).isIn(CATEGORIES);
            assertThat(rule.tags()).as(rule.id()).isNotEmpty();
            assertThat(KNOWN_TAGS).as(rule.id() + " tags").containsAll(rule.tags());
            assertThat(rule.since()).as(rule.id()).matches("\\d+\\.\\d+\\.\\d+");
        }
    }

    @Test
    void everyReferencedCheckExistsAndEveryCheckHasExactlyOneRule() {
        Set<String> checkIds = BuiltinChecks.all().stream().map(Check::id).collect(Collectors.toSet());
        assertThat(checkIds).as("check ids are unique").hasSameSizeAs(BuiltinChecks.all());
        for (Rule rule : rules) {
            rule.check().ifPresent(check -> assertThat(checkIds).as("check of " + rule.id()).contains(check));
        }
        for (String check : checkIds) {
            assertThat(rules.stream().filter(r -> r.check().filter(check::equals).isPresent()))
                    .as("rules bound to check " + check).hasSize(1);
        }
    }

    @Test
    void everyRuleFileIsListedInTheIndex() throws IOException {
        Path folder = Path.of("src/main/resources/tenet/rules");
        try (Stream<Path> files = Files.list(folder)) {
            Set<String> onDisk = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md")).collect(Collectors.toSet());
            assertThat(new HashSet<>(RuleCatalog.builtinFileNames())).isEqualTo(onDisk);
        }
    }

    @Test
    void fileNamesMatchRuleIds() {
        for (Rule rule : rules) {
            assertThat(rule.source()).isEqualTo(RuleCatalog.BUILTIN_PREFIX + rule.id() + ".md");
        }
    }
}
