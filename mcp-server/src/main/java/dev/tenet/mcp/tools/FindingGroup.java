package dev.tenet.mcp.tools;

import dev.tenet.rules.finding.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Findings of one rule in one file whose messages have the same shape (they differ only in the
 * names and numbers they quote), shown as one entry with all their lines. The first finding, by
 * line, stands for the group.
 */
record FindingGroup(Finding first, List<Finding> members) {
    /** Most severe first, then by file and line: the order entries are shown in. */
    static final Comparator<FindingGroup> ORDER = Comparator.comparing((FindingGroup g) -> g.first().severity())
            .thenComparing(g -> g.first().file()).thenComparingInt(g -> g.first().startLine()).thenComparing(g -> g.first().ruleId());
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\p{Punct}&&[^`'\"]]+|[\\p{Punct}&&[^`'\")]]+$");
    private static final Pattern CODE_LIKE = Pattern.compile(".*([.()<>_$#/\\d`'\"]|\\p{Ll}\\p{Lu}).*");

    /** Groups {@code findings} and orders the groups; the members of each group are in line order. */
    static List<FindingGroup> of(List<Finding> findings) {
        Map<String, List<Finding>> byKey = new LinkedHashMap<>();
        findings.stream().sorted(Comparator.comparing(Finding::file).thenComparingInt(Finding::startLine))
                .forEach(f -> byKey.computeIfAbsent(key(f), k -> new ArrayList<>()).add(f));
        return byKey.values().stream().map(members -> new FindingGroup(members.get(0), List.copyOf(members))).sorted(ORDER).toList();
    }

    List<Integer> lines() {
        return members.stream().map(Finding::startLine).distinct().toList();
    }

    /** The message with every code-like word (names, calls, paths, numbers) blanked: what the group's members share. */
    static String shape(String message) {
        StringBuilder shape = new StringBuilder();
        for (String word : message.split("\\s+")) {
            String core = EDGE_PUNCTUATION.matcher(word).replaceAll("");
            shape.append(CODE_LIKE.matcher(core).matches() ? "_" : word).append(' ');
        }
        return shape.toString().strip();
    }

    private static String key(Finding finding) {
        return finding.ruleId() + '\u0000' + finding.severity() + '\u0000' + finding.file() + '\u0000' + shape(finding.message());
    }
}
