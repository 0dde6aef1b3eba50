package dev.tenet.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenet.rules.Severity;
import dev.tenet.rules.TenetInputException;
import dev.tenet.rules.config.TenetConfig;
import dev.tenet.rules.finding.Finding;
import dev.tenet.rules.testing.Codebase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's own behaviour, seen through one simple rule: suppressions, parse errors, config, fingerprints. */
class EngineTests {
    static final String RULE = "layering.domain-no-framework";
    static final String DOMAIN_WITH_SPRING = """
            package com.acme.learning.domain;

            import org.springframework.stereotype.Component;

            public class Progress {
            }
            """;

    @TempDir
    Path dir;

    @Test
    void findsAViolationWithRuleSeverityLineAndFix() {
        List<Finding> findings = new Codebase(dir).add(DOMAIN_WITH_SPRING).check(RULE);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).as("at info until its real-code precision reaches 0.90").isEqualTo(Severity.INFO);
            assertThat(f.file()).isEqualTo("src/main/java/com/acme/learning/domain/Progress.java");
            assertThat(f.startLine()).isEqualTo(3);
            assertThat(f.message()).contains("org.springframework");
            assertThat(f.fixHint()).isNotBlank();
            assertThat(f.render()).endsWith("(Progress.java:3) [" + RULE + "]");
        });
    }

    @Nested
    class Suppression {
        @Test
        void anIgnoreCommentSilencesTheNextLine() {
            String code = DOMAIN_WITH_SPRING.replace("import org.springframework",
                    "// tenet:ignore " + RULE + " -- migration in progress\nimport org.springframework");
            assertThat(new Codebase(dir).add(code).check(RULE)).isEmpty();
        }

        @Test
        void aTrailingIgnoreCommentSilencesItsOwnLine() {
            String code = DOMAIN_WITH_SPRING.replace("Component;", "Component; // tenet:ignore " + RULE);
            assertThat(new Codebase(dir).add(code).check(RULE)).isEmpty();
        }

        @Test
        void suppressWarningsOnADeclarationSilencesItsRange() {
            String code = """
                    package com.acme.learning.domain;

                    @SuppressWarnings("tenet:%s")
                    @org.springframework.stereotype.Component
                    public class Progress {
                    }
                    """.formatted(RULE);
            assertThat(new Codebase(dir).add(code).check(RULE)).isEmpty();
        }

        @Test
        void aSuppressionOfAnUnknownRuleIsAnErrorNamingFileAndLine() {
            String code = DOMAIN_WITH_SPRING.replace("import org", "// tenet:ignore layering.no-such-rule\nimport org");
            assertThatThrownBy(() -> new Codebase(dir).add(code).check())
                    .isInstanceOf(TenetInputException.class)
                    .hasMessageContaining("Progress.java:3")
                    .hasMessageContaining("unknown rule id 'layering.no-such-rule'");
        }
    }

    @Test
    void aFileThatDoesNotParseIsAFindingAndTheRunGoesOn() {
        List<Finding> findings = new Codebase(dir).add(DOMAIN_WITH_SPRING)
                .file("src/main/java/Broken.java", "class Broken {\n  void m() {\n}\n").check();
        assertThat(findings).extracting(Finding::ruleId).containsExactlyInAnyOrder("tenet.parse-error", RULE);
        assertThat(findings).filteredOn(f -> f.ruleId().equals("tenet.parse-error"))
                .singleElement().satisfies(f -> {
                    assertThat(f.file()).isEqualTo("src/main/java/Broken.java");
                    assertThat(f.message()).startsWith("No rule could check this file: it does not parse as Java: ");
                });
    }

    @Test
    void aFileOverTheSizeLimitIsSkippedAndReportedAndTheRunGoesOn() {
        String generated = "class Generated {\n" + "    // filler\n".repeat((int) (Engine.MAX_FILE_BYTES / 14) + 1) + "}\n";
        List<Finding> findings = new Codebase(dir).add(DOMAIN_WITH_SPRING)
                .file("src/main/java/Generated.java", generated).check();
        assertThat(findings).extracting(Finding::ruleId).containsExactlyInAnyOrder("tenet.parse-error", RULE);
        assertThat(findings).filteredOn(f -> f.ruleId().equals("tenet.parse-error")).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo("src/main/java/Generated.java");
            assertThat(f.message()).contains("skipped").contains("over the 4.0 MB");
            assertThat(f.fixHint()).contains("exclude it");
        });
    }

    @Test
    void aFileThatIsNotJavaIsRefusedAsTheRoot() {
        Path pom = new Codebase(dir).file("pom.xml", "<project/>\n").root().resolve("pom.xml");
        assertThatThrownBy(() -> SourceTree.scan(pom, TenetConfig.defaults()))
                .isInstanceOf(TenetInputException.class).hasMessageContaining("pom.xml").hasMessageContaining("not a Java file");
    }

    @Test
    void sourcePackagesNamedLikeBuildFoldersAreCheckedButBuildOutputIsNot() {
        String adapterOut = DOMAIN_WITH_SPRING.replace("com.acme.learning.domain;", "com.acme.learning.domain.out;");
        List<Finding> findings = new Codebase(dir).add(adapterOut)
                .file("target/generated-sources/Generated.java", DOMAIN_WITH_SPRING)
                .file("build/Other.java", DOMAIN_WITH_SPRING).check(RULE);
        assertThat(findings).extracting(Finding::file)
                .containsExactly("src/main/java/com/acme/learning/domain/out/Progress.java");
    }

    @Test
    void theFingerprintSurvivesLinesAddedAboveTheFinding() {
        String before = new Codebase(dir.resolve("a")).add(DOMAIN_WITH_SPRING).check(RULE).get(0).fingerprint();
        String shifted = DOMAIN_WITH_SPRING.replace("package com.acme.learning.domain;",
                "package com.acme.learning.domain;\n\n// a new comment\n");
        Finding after = new Codebase(dir.resolve("b")).add(shifted).check(RULE).get(0);
        assertThat(after.startLine()).isEqualTo(6);
        assertThat(after.fingerprint()).isEqualTo(before);
    }

    @Nested
    class Configuration {
        @Test
        void aRuleSwitchedOffReportsNothing() {
            assertThat(new Codebase(dir).add(DOMAIN_WITH_SPRING)
                    .file(".tenet/config.yml", "rules:\n  " + RULE + ": off\n").check(RULE)).isEmpty();
        }

        @Test
        void aSeverityOverrideIsApplied() {
            assertThat(new Codebase(dir).add(DOMAIN_WITH_SPRING)
                    .file(".tenet/config.yml", "rules:\n  " + RULE + ": info\n").check(RULE))
                    .extracting(Finding::severity).containsExactly(Severity.INFO);
        }

        @Test
        void customLayerPatternsDecideWhatIsDomain() {
            String core = DOMAIN_WITH_SPRING.replace("com.acme.learning.domain", "com.acme.learning.core");
            assertThat(new Codebase(dir).add(core)
                    .file(".tenet/config.yml", "layers:\n  domain: [\"..core..\"]\n").check(RULE)).hasSize(1);
        }

        @Test
        void aLayerPatternThatMatchesNothingIsAnError() {
            assertThatThrownBy(() -> new Codebase(dir).add(DOMAIN_WITH_SPRING)
                    .file(".tenet/config.yml", "layers:\n  domain: [\"..domian..\"]\n").check())
                    .isInstanceOf(TenetInputException.class)
                    .hasMessageContaining("'..domian..' matches no package");
        }

        @Test
        void anEmptyLayerPatternIsAllowedWhenOptedOut() {
            assertThat(new Codebase(dir).add(DOMAIN_WITH_SPRING)
                    .file(".tenet/config.yml", "allowEmptyLayers: true\nlayers:\n  domain: [\"..domian..\", \"..domain..\"]\n")
                    .check(RULE)).hasSize(1);
        }

        @Test
        void anExclusionThatMatchesNothingIsAnError() {
            assertThatThrownBy(() -> new Codebase(dir).add(DOMAIN_WITH_SPRING)
                    .file(".tenet/config.yml", "exclude: [\"**/generated/**\"]\n").check())
                    .isInstanceOf(TenetInputException.class)
                    .hasMessageContaining("exclusion '**/generated/**' matches no file");
        }

        @Test
        void excludedFilesAreNotChecked() {
            assertThat(new Codebase(dir).add(DOMAIN_WITH_SPRING)
                    .file(".tenet/config.yml", "exclude: [\"**/domain/**\"]\n").check(RULE)).isEmpty();
        }

        @Test
        void anUnknownKeyIsAnErrorNamingTheLine() {
            assertThatThrownBy(() -> new Codebase(dir).add(DOMAIN_WITH_SPRING)
                    .file(".tenet/config.yml", "rules:\n  " + RULE + ": off\nexclusions: []\n").check())
                    .isInstanceOf(TenetInputException.class)
                    .hasMessageContaining(".tenet/config.yml:3")
                    .hasMessageContaining("unknown key 'exclusions'");
        }

        @Test
        void anUnknownRuleIdInTheConfigIsAnError() {
            assertThatThrownBy(() -> new Codebase(dir).add(DOMAIN_WITH_SPRING)
                    .file(".tenet/config.yml", "rules:\n  pipeline.no-such-rule: off\n").check())
                    .isInstanceOf(TenetInputException.class)
                    .hasMessageContaining(".tenet/config.yml:2")
                    .hasMessageContaining("unknown rule id 'pipeline.no-such-rule'");
        }
    }
}
