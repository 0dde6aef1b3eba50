package dev.tenet.cli.hook;

import dev.tenet.rules.finding.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The message an agent gets about the files it edited: for each finding the rule id, {@code path:line},
 * what is wrong, how to fix it (once per rule) and where to read the rule; at most a handful, most severe
 * first, then how many more there are.
 */
final class Feedback {
    /** One finding with the path the agent knows the file by. */
    record Item(String displayPath, Finding finding) {
    }

    private Feedback() {
    }

    /** The path of a finding as the agent sees it: relative to the workspace holding it, else absolute. */
    static String displayPath(Path repository, Finding finding, List<Path> workspaces) {
        Path file = repository.resolve(finding.file()).normalize();
        for (Path workspace : workspaces) {
            Path root = workspace.toAbsolutePath().normalize();
            if (file.startsWith(root) && !file.equals(root)) {
                return root.relativize(file).toString().replace('\\', '/');
            }
        }
        return file.toString();
    }

    /** The message for these findings (already most severe first); empty when there are none. */
    static String render(List<Item> items, int max) {
        if (items.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        Set<String> files = new HashSet<>();
        items.forEach(item -> files.add(item.displayPath()));
        text.append("Tenet found ").append(count(items.size(), "problem")).append(" in the code just written (")
                .append(files.size() == 1 ? files.iterator().next() : files.size() + " files")
                .append(") against this repository's architecture rules. Fix ").append(items.size() == 1 ? "it" : "them").append(":\n");
        Set<String> explained = new HashSet<>();
        List<Item> shown = items.subList(0, Math.min(max, items.size()));
        for (Item item : shown) {
            Finding finding = item.finding();
            text.append("\n- ").append(finding.ruleId()).append(" (").append(finding.severity().label()).append(") at ")
                    .append(item.displayPath()).append(':').append(finding.startLine()).append('\n')
                    .append("  ").append(finding.message()).append('\n');
            if (explained.add(finding.ruleId())) {
                if (!finding.fixHint().isBlank()) {
                    text.append("  Fix: ").append(finding.fixHint()).append('\n');
                }
                text.append("  Rule: tenet://rules/").append(finding.ruleId()).append('\n');
            } else {
                text.append("  Fix: as above.\n");
            }
        }
        int more = items.size() - shown.size();
        if (more > 0) {
            List<String> paths = new ArrayList<>(files);
            paths.sort(null);
            text.append("\n...and ").append(more).append(" more (tenet check ").append(String.join(" ", paths)).append(" lists them all).\n");
        }
        return text.toString();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
