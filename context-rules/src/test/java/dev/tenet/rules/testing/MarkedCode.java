package dev.tenet.rules.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.rules.finding.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fixture in, expectation in the text: each line marked {@code // VIOLATION: rule.id} (in YAML and
 * properties files {@code # VIOLATION: rule.id}) must get a
 * finding of that rule starting on it, and no other finding of the rules under test may appear.
 * A snippet without marks must produce nothing for those rules.
 */
public final class MarkedCode {
    private static final Pattern MARK = Pattern.compile("(?://|#)\\s*VIOLATION:\\s*([\\w.-]+)");

    private MarkedCode() {
    }

    /**
     * @param dir     a temporary folder
     * @param ruleIds the rules under test
     * @param snippets the codebase, in {@link Codebase} syntax
     */
    public static void assertFindings(Path dir, List<String> ruleIds, String... snippets) {
        Codebase codebase = new Codebase(dir);
        for (String snippet : snippets) {
            codebase.add(snippet);
        }
        List<Finding> findings = codebase.check().stream().filter(f -> ruleIds.contains(f.ruleId())).toList();
        List<String> expected = new ArrayList<>();
        for (String snippet : snippets) {
            String[] lines = snippet.split("\n", -1);
            String currentFile = null;
            int lineInFile = 0;
            for (String line : lines) {
                Matcher fileMark = Pattern.compile("^\\s*(?://|#)\\s*file:\\s*(\\S+)\\s*$").matcher(line);
                if (fileMark.find()) {
                    currentFile = fileMark.group(1);
                    lineInFile = 0;
                    continue;
                }
                lineInFile++;
                Matcher mark = MARK.matcher(line);
                while (mark.find()) {
                    expected.add(mark.group(1) + "@" + (currentFile == null ? "" : fileNameOf(currentFile)) + ":" + lineInFile);
                }
            }
        }
        List<String> actual = findings.stream().map(f -> f.ruleId() + "@" + fileFor(f, expected) + ":" + f.startLine()).toList();
        assertThat(actual).as("findings (rule@file:line) — all: %s", findings.stream().map(Finding::render).toList())
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    private static String fileFor(Finding finding, List<String> expected) {
        boolean anyNamed = expected.stream().anyMatch(e -> !e.contains("@:"));
        return anyNamed ? finding.fileName() : "";
    }

    private static String fileNameOf(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
