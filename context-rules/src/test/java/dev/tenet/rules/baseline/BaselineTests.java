package dev.tenet.rules.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenet.rules.Severity;
import dev.tenet.rules.TenetInputException;
import dev.tenet.rules.finding.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTests {
    private static final String RULE = "layering.domain-no-framework";

    @TempDir
    Path root;

    private static Finding finding(String file, int line, String fingerprint) {
        return new Finding(RULE, Severity.ERROR, file, line, line, "The domain imports Spring.", "Use a port.", fingerprint);
    }

    private final Finding userId = finding("src/main/java/a/domain/UserId.java", 3, "f-user");
    private final Finding progress = finding("src/main/java/a/domain/Progress.java", 8, "f-progress");
    private final Finding payment = finding("src/main/java/a/domain/Payment.java", 20, "f-payment");

    @Test
    void writesEntriesSortedByFileRuleAndFingerprintAndReadsThemBack() throws IOException {
        Path file = Baseline.fileIn(root);

        Baseline.of(List.of(userId, progress)).write(file);

        assertThat(file).isEqualTo(root.resolve(".tenet/baseline.json"));
        assertThat(Files.readString(file)).isEqualTo("""
                {
                  "version": 1,
                  "findings": [
                    {
                      "ruleId": "layering.domain-no-framework",
                      "fingerprint": "f-progress",
                      "file": "src/main/java/a/domain/Progress.java",
                      "message": "The domain imports Spring."
                    },
                    {
                      "ruleId": "layering.domain-no-framework",
                      "fingerprint": "f-user",
                      "file": "src/main/java/a/domain/UserId.java",
                      "message": "The domain imports Spring."
                    }
                  ]
                }
                """);
        assertThat(Baseline.load(file).entries()).isEqualTo(Baseline.of(List.of(progress, userId)).entries());
    }

    @Test
    void hidesBaselinedFindingsAndKeepsTheNewOnes() {
        BaselineResult result = Baseline.of(List.of(userId, progress)).filter(List.of(payment, userId, progress));

        assertThat(result.newFindings()).containsExactly(payment);
        assertThat(result.baselined()).isEqualTo(2);
        assertThat(result.fixed()).isZero();
    }

    @Test
    void aFindingThatMovedToAnotherLineStillMatches() {
        Finding moved = finding(userId.file(), 42, userId.fingerprint());

        BaselineResult result = Baseline.of(List.of(userId)).filter(List.of(moved));

        assertThat(result.newFindings()).isEmpty();
        assertThat(result.baselined()).isEqualTo(1);
    }

    @Test
    void theSameFingerprintOfAnotherRuleIsANewFinding() {
        Finding otherRule = new Finding("tenet.parse-error", Severity.ERROR, userId.file(), 3, 3, "Broken.", "", userId.fingerprint());

        assertThat(Baseline.of(List.of(userId)).filter(List.of(otherRule)).newFindings()).containsExactly(otherRule);
    }

    @Nested
    class ParseErrors {
        private final Finding broken = new Finding("tenet.parse-error", Severity.ERROR, "src/main/java/a/Broken.java", 2, 2,
                "No rule could check this file: it does not parse as Java.", "Make the file parse.", "f-broken");

        @Test
        void areNeverWrittenToTheBaseline() throws IOException {
            Path file = Baseline.fileIn(root);

            Baseline.of(List.of(userId, broken)).write(file);

            assertThat(Baseline.load(file).entries()).extracting(BaselineEntry::ruleId).containsExactly(RULE);
            assertThat(Files.readString(file)).doesNotContain("tenet.parse-error").doesNotContain("Broken.java");
        }

        @Test
        void areNeverHiddenEvenWhenABaselineFileListsThem() throws IOException {
            Path file = Baseline.fileIn(root);
            Files.createDirectories(file.getParent());
            Files.writeString(file, """
                    {
                      "version": 1,
                      "findings": [
                        {
                          "ruleId": "tenet.parse-error",
                          "fingerprint": "f-broken",
                          "file": "src/main/java/a/Broken.java",
                          "message": "written by hand"
                        }
                      ]
                    }
                    """);

            BaselineResult result = Baseline.load(file).filter(List.of(broken));

            assertThat(result.newFindings()).containsExactly(broken);
            assertThat(result.baselined()).isZero();
        }
    }

    @Test
    void aFixedFindingIsCountedAndDropsOutWhenTheBaselineIsRewritten() {
        Path file = Baseline.fileIn(root);
        Baseline.of(List.of(userId, progress)).write(file);
        List<Finding> current = List.of(userId);

        BaselineResult result = Baseline.load(file).filter(current);
        Baseline.of(current).write(file);

        assertThat(result.fixed()).isEqualTo(1);
        assertThat(Baseline.load(file).entries()).extracting(BaselineEntry::fingerprint).containsExactly("f-user");
    }

    @Test
    void loadingAndFilteringNeverCreateABaseline() {
        Path file = Baseline.fileIn(root);

        Baseline baseline = Baseline.load(file);
        BaselineResult result = baseline.filter(List.of(userId));

        assertThat(baseline.isEmpty()).isTrue();
        assertThat(result.newFindings()).containsExactly(userId);
        assertThat(root.resolve(".tenet")).doesNotExist();
    }

    @Test
    void writingReplacesTheFileWholeAndLeavesNoTemporaryFileBehind() throws IOException {
        Path file = Baseline.fileIn(root);
        Baseline.of(List.of(userId, progress, payment)).write(file);

        Baseline.of(List.of(payment)).write(file);

        assertThat(Baseline.load(file).size()).isEqualTo(1);
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aBaselineThatCannotBeWrittenIsAnInputErrorNamingTheFile() throws IOException {
        Path blocker = root.resolve("not-a-folder");
        Files.writeString(blocker, "x");
        Path file = blocker.resolve("baseline.json");

        assertThatThrownBy(() -> Baseline.of(List.of(userId)).write(file))
                .isInstanceOf(TenetInputException.class)
                .hasMessageStartingWith(file + ": cannot write the baseline");
    }

    @Nested
    class Malformed {

        private TenetInputException loadError(String content) throws IOException {
            Path file = Baseline.fileIn(root);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            try {
                Baseline.load(file);
            } catch (TenetInputException e) {
                return e;
            }
            throw new AssertionError("expected " + file + " to be rejected");
        }

        @Test
        void invalidJsonNamesTheFileAndLine() throws IOException {
            TenetInputException error = loadError("""
                    {
                      "version": 1,
                      "findings": [
                        {"ruleId": "a.b", "fingerprint": "x",}
                      ]
                    }
                    """);

            assertThat(error.file()).isEqualTo(Baseline.fileIn(root).toString());
            assertThat(error.line()).isEqualTo(4);
            assertThat(error).hasMessageStartingWith(Baseline.fileIn(root) + ":4: the baseline is not valid JSON");
        }

        @Test
        void anEntryWithoutAFingerprintNamesTheEntryAndWhatWasExpected() throws IOException {
            TenetInputException error = loadError("""
                    {
                      "version": 1,
                      "findings": [
                        {"ruleId": "a.b", "fingerprint": "x", "file": "A.java", "message": "m"},
                        {"ruleId": "a.b", "file": "B.java", "message": "m"}
                      ]
                    }
                    """);

            assertThat(error.line()).isEqualTo(5);
            assertThat(error).hasMessageEndingWith("finding 2 has no \"fingerprint\"; expected "
                    + "{\"ruleId\": ..., \"fingerprint\": ..., \"file\": ..., \"message\": ...}");
        }

        @Test
        void aFieldOfTheWrongTypeIsNamed() throws IOException {
            TenetInputException error = loadError("""
                    {"version": 1, "findings": [
                      {"ruleId": "a.b", "fingerprint": 42}
                    ]}
                    """);

            assertThat(error.line()).isEqualTo(2);
            assertThat(error).hasMessageEndingWith("\"fingerprint\" of finding 1 must be a string");
        }

        @Test
        void findingsMustBeAnArray() throws IOException {
            assertThat(loadError("{\"version\": 1, \"findings\": {}}"))
                    .hasMessageEndingWith("\"findings\" must be an array of "
                            + "{\"ruleId\": ..., \"fingerprint\": ..., \"file\": ..., \"message\": ...}");
        }

        @Test
        void anUnknownVersionIsRejected() throws IOException {
            assertThat(loadError("{\"version\": 2, \"findings\": []}"))
                    .hasMessageContaining(":1: unsupported baseline version 2; this Tenet reads version 1");
        }

        @Test
        void missingPartsAreNamed() throws IOException {
            assertThat(loadError("{\"findings\": []}")).hasMessageContaining("the baseline has no \"version\"");
            assertThat(loadError("{\"version\": 1}")).hasMessageContaining("the baseline has no \"findings\" array");
            assertThat(loadError("[]")).hasMessageEndingWith("expected {\"version\": 1, \"findings\": [...]}");
            assertThat(loadError("")).hasMessageContaining("the baseline is empty");
        }

        @Test
        void aDuplicateKeyIsRejected() throws IOException {
            assertThat(loadError("{\"version\": 1, \"version\": 1, \"findings\": []}"))
                    .hasMessageContaining("Duplicate field 'version'");
        }
    }
}
